export { anonymize, COPY_MARKER, COPY_VERSION, type AnonymizeOptions, type AnonymousCopy } from './anonymize';
export { emptyCounts, REMOVED_KINDS, type RemovedCounts, type RemovedKind } from './counts';
export { parseCopyPerson, type CopyPerson } from './person';
