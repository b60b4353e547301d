/**
 * English function words and question words that carry no topic ("how do I …", "why is my …").
 * Words that name things in this domain ("no", "up", "down", "out", "off", "once" of "exactly-once") are
 * deliberately kept ("once" in a query only after "exactly", "least" or "most": `analyzeQueryWords`).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't during each " +
    "few for from further had hadn't has hasn't have haven't having he her here hers herself him himself his how " +
    "i i'm if in into is isn't it it's its itself just let's me more most my myself nor of on only or other " +
    "ought our ours ourselves over own same she should shouldn't so some such than that that's the their theirs " +
    "them themselves then there there's these they they're this those through to too under until very was " +
    "wasn't we we're were weren't what what's when where which while who whom why will with won't would " +
    "wouldn't you you're your yours yourself yourselves s t ll re ve d m also get gets got use using used want " +
    "need needs way ways thing things really actually here's like look looks happen happens happened"
  ).split(' '),
);
