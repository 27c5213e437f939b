/** Worker-thread entry for analyze.ts (run through piscina by analyzer.ts). */
import { analyze } from './analyze.ts';

export default analyze;
