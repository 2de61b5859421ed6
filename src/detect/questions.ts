/** Prose that asks about a state ("¿Qué hago si mi clave está bloqueada?") is not the portal reporting it. */

/** Questions in folded text: a `¿…?` span, or a sentence that ends in `?`. */
const QUESTION = /¿[^?¿]{0,240}\?|[^.!?¿:;]{1,240}\?/g;
export function withoutQuestions(folded: string): string {
  return folded.includes('?') ? folded.replace(QUESTION, ' ') : folded;
}
