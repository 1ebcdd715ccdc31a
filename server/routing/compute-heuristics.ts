/**
 * Dense heuristic features in [0, 1], shared by the category classifier and the difficulty
 * estimator. They describe surface form (code, formulas, options, UI verbs, sites...) so the
 * learned model also generalises to prompt styles that are thin in the training data.
 * The order of HEURISTIC_NAMES is part of the model artefact format.
 */
interface Heuristic {
  name: string;
  fn: (text: string, lower: string) => number;
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) {
    n++;
    if (n >= 50) break;
  }
  return n;
}
const sat = (n: number, k: number): number => Math.min(1, n / k);

const RE = {
  fence: /```|~~~/g,
  codeKw:
    /\b(def|class|return|import|function|const|let|var|public|static|void|elif|lambda|println|printf|console\.log|#include|std::|async|await|struct|impl|fn|select|from|where|join|insert|update)\b/g,
  codeSyntax: /[{};]|=>|->|::|==|!=|\+=|\(\)|\[\]|<\/?\w+>/g,
  defStub: /^\s*(def|function|func|fn|public|private|int|void|class)\s+\w+\s*\(/m,
  docstring: /"""|'''|\/\*\*|@param|@return/g,
  stackTrace: /traceback \(most recent|exception|error:|\bat [\w$.]+\(|segmentation fault|line \d+|stack trace|undefined is not|nullpointer|typeerror|syntaxerror/g,
  indent: /\n( {2,}|\t)\S/g,
  progWords:
    /\b(python|javascript|typescript|java|c\+\+|c#|golang|rust|sql|bash|shell script|regex|api|json|html|css|code|program|script|compile|bug|debug|algorithm|array|string|list|dictionary|variable|recursion|unit test|snippet|library|framework)\b/g,
  latex: /\\(frac|sqrt|cdot|times|left|right|begin|end|sum|int|pi|theta|alpha|le|ge|neq|infty|mathrm|text|dfrac|binom|log|sin|cos)\b|\$[^$\n]{1,80}\$|\\\(|\\\[|\^\{|_\{/g,
  arith: /\d\s*[-+*/×÷^=<>]\s*\d|\d+\s*%|\b\d+\.\d+\b/g,
  numbers: /\d+(?:[.,]\d+)?/g,
  mathWords:
    /\b(solve|equation|integer|integers|probability|how many|how much|remainder|sum of|product of|divisible|prime|prove|theorem|polynomial|derivative|integral|matrix|triangle|circle|radius|area|perimeter|ratio|percent|percentage|average|total|each|altogether|left over|digits?|fraction|real numbers?|function f|let [a-z] be|find the (?:value|number|smallest|largest|sum|minimum|maximum))\b/g,
  logic: /\b(premises?|conclusion|if and only if|therefore|all \w+ are|no \w+ are|some \w+ are|true, false, or uncertain|entail|implies|logically)\b/g,
  options: /(?:^|\n|\s)\(?[A-Ea-e][).:]\s+\S|\boptions?:|\bchoices?:|\([A-D]\)/g,
  sciWords:
    /\b(atom|atoms|molecule|molecules|molar|mol|electron|proton|neutron|photon|ion|ions|acid|base|ph|enzyme|protein|cell|cells|gene|genes|dna|rna|chromosome|species|organism|evolution|photosynthesis|mitochondria|velocity|acceleration|force|momentum|energy|joule|newton|kinetic|potential|gravity|mass|kg|wavelength|frequency|quantum|thermodynamic|entropy|enthalpy|temperature|pressure|reaction|oxidation|catalyst|compound|element|isotope|electric|magnetic|circuit|voltage|current|resistance|charge|orbit|planet|star|galaxy|ecosystem|bacteria|virus|hormone|neuron)\b/g,
  medWords:
    /\b(symptoms?|treatment|treatments|disease|diseases|syndrome|patients?|clinical|diagnosis|therapy|medication|drug|drugs|dose|cancer|tumou?r|infection|chronic|surgery|disorder|inherited|genetic|mortality|randomi[sz]ed|cohort)\b/g,
  uiVerbs:
    /\b(click|tap|double-click|right-click|open|close|navigate|go to|scroll|type|enter|select|toggle|turn on|turn off|enable|disable|install|uninstall|download|upload|bookmark|log in|sign in|add to cart|checkout|drag|swipe|launch|switch to|set the|change the|save the|rename|delete the|create a new|sort the|filter|order)\b/g,
  uiNouns:
    /\b(settings|app|apps|browser|tab|tabs|window|desktop|website|web page|webpage|page|button|menu|icon|toolbar|dialog|screen|phone|android|ios|chrome|firefox|edge|gmail|outlook|calendar|contacts|spreadsheet|excel|word|powerpoint|vs ?code|gimp|vlc|thunderbird|libreoffice|file explorer|finder|wallpaper|dark mode|wi-?fi|bluetooth|notification|folder|directory|cart|search bar|url|amazon|google|youtube|github|reddit|wikipedia|booking|airbnb|expedia|ebay|spotify|maps|linux|ubuntu|terminal|os)\b/g,
  domain: /\b[\w-]+\.(com|org|net|io|gov|edu|co\.uk|ai|app)\b|https?:\/\//g,
  shellWords: /\b(ls|grep|find|chmod|chown|sudo|cat|echo|awk|sed|mkdir|rm|cp|mv|tar|ps|kill|cron|\/etc\/|\/var\/|\/home\/|~\/|\.txt|\.log|\.csv|files?|user|users|permission|permissions)\b/g,
  writing:
    /\b(write|compose|draft|rewrite|rephrase|paraphrase|summari[sz]e|summary|story|poem|essay|email|e-mail|letter|blog|post|tweet|article|speech|song|lyrics|slogan|headline|caption|outline|review|cover letter|translate|proofread|edit|tone|formal|informal|persuasive|creative|brainstorm|ideas|list of|tips|advice|recommend|suggest|plan|itinerary)\b/g,
  roleplay: /\b(act as|imagine you are|pretend|you are a|role ?play|as an? \w+,|in the style of|character)\b/g,
  chat: /\b(i feel|should i|do you think|what do you|your opinion|can you help|i want|i need|my (friend|wife|husband|boss|mom|dad|girlfriend|boyfriend)|how do i|why do|why is|who is|who was|what is the best)\b/g,
  constraints:
    /\b(must|should|at least|at most|no more than|exactly|without|only|do not|don't|ensure|make sure|within|less than|fewer than|in \d+ words|bullet|json|format|each|every|step by step|first|then|finally|explain|justify)\b/g,
  negation: /\b(not|except|least|never|false|incorrect|cannot)\b/g,
  questions: /\?/g,
};

const HEURISTICS: Heuristic[] = [
  { name: "code_fence", fn: (t) => sat(count(RE.fence, t), 2) },
  { name: "code_keywords", fn: (_t, l) => sat(count(RE.codeKw, l), 4) },
  { name: "code_syntax", fn: (t) => sat(count(RE.codeSyntax, t), 6) },
  { name: "def_stub", fn: (t) => (RE.defStub.test(t) ? 1 : 0) },
  { name: "docstring", fn: (t) => sat(count(RE.docstring, t), 1) },
  { name: "stack_trace", fn: (_t, l) => sat(count(RE.stackTrace, l), 2) },
  { name: "indented_lines", fn: (t) => sat(count(RE.indent, t), 3) },
  { name: "programming_words", fn: (_t, l) => sat(count(RE.progWords, l), 2) },
  { name: "latex", fn: (t) => sat(count(RE.latex, t), 2) },
  { name: "arithmetic", fn: (t) => sat(count(RE.arith, t), 2) },
  { name: "numbers", fn: (t) => sat(count(RE.numbers, t), 4) },
  { name: "math_words", fn: (_t, l) => sat(count(RE.mathWords, l), 3) },
  { name: "logic_words", fn: (_t, l) => sat(count(RE.logic, l), 2) },
  { name: "options", fn: (t) => sat(count(RE.options, t), 3) },
  { name: "science_words", fn: (_t, l) => sat(count(RE.sciWords, l), 3) },
  { name: "medical_words", fn: (_t, l) => sat(count(RE.medWords, l), 2) },
  { name: "ui_verbs", fn: (_t, l) => sat(count(RE.uiVerbs, l), 2) },
  { name: "ui_nouns", fn: (_t, l) => sat(count(RE.uiNouns, l), 2) },
  { name: "web_domain", fn: (_t, l) => sat(count(RE.domain, l), 1) },
  { name: "shell_words", fn: (_t, l) => sat(count(RE.shellWords, l), 3) },
  { name: "writing_words", fn: (_t, l) => sat(count(RE.writing, l), 2) },
  { name: "roleplay", fn: (_t, l) => sat(count(RE.roleplay, l), 1) },
  { name: "chat_phrases", fn: (_t, l) => sat(count(RE.chat, l), 1) },
  { name: "constraints", fn: (_t, l) => sat(count(RE.constraints, l), 6) },
  { name: "negation", fn: (_t, l) => sat(count(RE.negation, l), 3) },
  { name: "question_marks", fn: (t) => sat(count(RE.questions, t), 2) },
  { name: "imperative_start", fn: (_t, l) => (/^\s*(please\s+)?(write|create|make|build|implement|generate|give|list|explain|describe|find|open|go|click|compose|draft|tell|help|show|calculate|solve|compute|determine)\b/.test(l) ? 1 : 0) },
  { name: "log_length", fn: (t) => Math.min(1, Math.log1p(t.length) / Math.log1p(1400)) },
  { name: "lines", fn: (t) => sat(count(/\n/g, t), 12) },
  { name: "non_ascii", fn: (t) => nonAsciiShare(t) },
];

function nonAsciiShare(t: string): number {
  if (t.length === 0) return 0;
  let n = 0;
  const m = Math.min(t.length, 600);
  for (let i = 0; i < m; i++) if (t.charCodeAt(i) > 127) n++;
  return n / m;
}

export const HEURISTIC_NAMES: readonly string[] = HEURISTICS.map((h) => h.name);
export const HEURISTIC_COUNT = HEURISTICS.length;

/** Heuristics look at most at the first 800 and last 200 characters (their counts saturate early). */
export function computeHeuristics(fullText: string, out: Float32Array = new Float32Array(HEURISTIC_COUNT)): Float32Array {
  const text = fullText.length > 1000 ? `${fullText.slice(0, 800)}\n${fullText.slice(fullText.length - 200)}` : fullText;
  const lower = text.toLowerCase();
  for (let i = 0; i < HEURISTICS.length; i++) out[i] = HEURISTICS[i]!.fn(text, lower);
  return out;
}
