/**
 * Entry of the guide bundle (dist/<browser>/guide.js, an IIFE). The background injects it into the resident
 * script's isolated world where a recovery step was detected (guide-contract.ts); it only registers the guide's
 * factory (and the anonymous-copy maker) there. The resident then starts it and hands it every detection.
 */
import { ContentApp } from './app';
import { makeCopy } from './copy';
import { noteGuideTime, registerCopyMaker, registerGuide, type GuideFactory } from './guide-contract';

export const createGuide: GuideFactory = (doc, api, hooks) => {
  const guide = new ContentApp(doc, api, hooks);
  guide.start();
  return guide;
};

noteGuideTime('arrived');
registerGuide(createGuide);
registerCopyMaker(makeCopy);
