/** Every scripted walk in Firefox, at 1280×720 and at 200 % (test/e2e/harness/walk-suite.ts). */
import { describeEveryWalk } from './harness/walk-suite';

describeEveryWalk('firefox');
