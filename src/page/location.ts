/** Reading where a document is, without throwing (a rewritten or detached document may have no location). */
export function pageUrl(doc: Document): string {
  try {
    return doc.location?.href ?? '';
  } catch {
    return '';
  }
}

export function pageHost(doc: Document): string {
  try {
    return doc.location?.hostname ?? '';
  } catch {
    return '';
  }
}
