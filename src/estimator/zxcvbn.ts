/**
 * zxcvbn-ts with the common dictionaries (passwords, keyboard graphs) and the Spanish ones (common words, first
 * names, surnames, Wikipedia), mapped to three levels. Part of the estimator bundle only: never imported by the
 * content script, the background or the extension pages.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as spanish from '@zxcvbn-ts/language-es-es';
import { strengthLevelFromScore, type StrengthEstimator } from '../validate/strength';

/** The portal takes at most 15 characters; a long paste is cut here so an estimate never stalls the page. */
const MAX_ESTIMATED = 64;

export function createZxcvbnEstimator(): StrengthEstimator {
  const factory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...spanish.dictionary },
    graphs: common.adjacencyGraphs,
    maxLength: MAX_ESTIMATED,
    // The estimate runs on the page's main thread. Enumerating every leetspeak reading of a key full of digits
    // (a cédula) took up to 200 ms a key with the default 100; 10 keeps it near 10 ms and changes no level of
    // the keys in the tests. Levenshtein matching is off (its default) for the same reason: seconds per key.
    l33tMaxSubstitutions: 10,
  });
  return (key, userInputs) => strengthLevelFromScore(factory.check(key, [...userInputs]).score);
}
