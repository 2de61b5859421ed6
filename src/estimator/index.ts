/**
 * Entry of the estimator bundle (dist/<browser>/estimator.js, an IIFE). The background injects it into the
 * content script's isolated world on the new-key step; it only registers the estimator there. It reads nothing
 * from the page, keeps no key and sends nothing.
 */
import { registerEstimator } from './contract';
import { createZxcvbnEstimator } from './zxcvbn';

registerEstimator(createZxcvbnEstimator());
