/**
 * search/indexing: the code that builds, loads and queries the search's indexes, with the Snowball stemmers and
 * stop-word lists it stems and weighs words with. The service (service.ts) imports it when it first loads the
 * index, after the first screen: it is about half of the core's code, which start-up then does not compile.
 */
export { byLanguage, documentsOf, fingerprintOf } from './documents';
export { LanguageIndex } from './engine';
export { searchIndexes } from './query';
