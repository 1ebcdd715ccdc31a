/**
 * Dense heuristic features in [0, 1], shared by the category classifier and the difficulty
 * estimator. They describe surface form and vocabulary (code, shell commands, formulas, units,
 * options, science and health words, app/website nouns, UI verbs, writing cues...) that carry over
 * between prompt sources, so the learned model also generalises to prompt styles that are thin or
 * absent in the training data.
 *
 * Speed: one pass over the (capped) text builds word hashes; vocabulary features are hash-table
 * look-ups (single words and 2-3-word phrases), not regular expressions. Only a handful of
 * syntax cues use regular expressions. The order of HEURISTIC_NAMES is part of the artefact format.
 */

// ---------------------------------------------------------------------------------------------
// Lexicons. A word or phrase may belong to several lexicons (bit mask per entry).

const LEXICONS = {
  code_keywords:
    "def class return import elif lambda println printf console.log #include std async await struct impl fn const void int bool boolean null nil self catch except implements namespace typedef foreach endl cout cin len dict np pd df kwargs",
  programming_words:
    "python javascript typescript java c++ c# golang go rust ruby php kotlin swift scala perl haskell matlab sql mysql postgresql sqlite bash shell powershell regex regular-expression api json yaml xml html css code coding program programming script compile compiler bug debug debugging algorithm algorithms array arrays string strings dictionary hashmap variable variables recursion recursive unit-test snippet library framework function functions methods repository git docker kubernetes react django flask pandas numpy pytorch tensorflow node npm pip integer-overflow pointer pointers linked-list binary-tree complexity big-o runtime parser parsing implement implementation refactor endpoint database schema boolean iterator callback exception stdout stdin return-value data-structure time-complexity substring substrings palindrome fibonacci",
  sql_words:
    "join inner outer left-join group-by order-by having query primary-key foreign-key mysql sql sqlite postgres database",
  shell_commands:
    "ls grep egrep chmod chown chgrp sudo echo awk sed mkdir rmdir rm cp mv tar gzip gunzip unzip ps killall cron crontab xargs wc uniq du df curl wget ssh scp rsync systemctl apt apt-get yum dnf brew useradd usermod groupadd passwd whoami uname hostname ifconfig netstat htop umount basename dirname pwd printenv md5sum sha256sum nohup lsof dmesg journalctl",
  filesystem_words:
    "file files directory directories folder folders subdirectory subdirectories path paths filename filenames extension extensions permission permissions owner ownership symlink symbolic-link hidden-files recursively home-directory current-directory working-directory log-files text-files .txt .log .csv .sh .py .conf /etc /var /home /tmp /usr ~/ bytes kilobytes megabytes disk process processes pid user users group groups linux unix ubuntu debian terminal command-line shell",
  math_words:
    "solve equation equations integer integers probability how-many how-much remainder sum-of product-of divisible prime primes prove theorem lemma polynomial derivative integral integrals matrix matrices determinant eigenvalue eigenvalues vector vectors triangle circle radius diameter area perimeter volume ratio percent percentage average mean median total altogether digits digit fraction fractions real-number real-numbers function-f let-x find-the-value find-the-number smallest largest minimum maximum value values compute calculate evaluate simplify factor factors multiple multiples divisor divisors gcd lcm modulo congruent sequence series converge convergent diverge limit infinity logarithm exponent square-root cube angle angles degrees parallel perpendicular polygon rectangle square hexagon coordinates slope intercept inequality inequalities variable combinations permutations arrangements choose dice coin coins odds expected-value variance standard-deviation distribution binomial geometric arithmetic interest compound-interest loan profit discount cost costs price each per twice half third quarter dozen sold bought spent earned saved pays paid costs how-long how-far how-old how-fast",
  logic_words:
    "premise premises conclusion conclusions if-and-only-if therefore hence thus entail entails entailment implies logically valid invalid syllogism true-false-or-uncertain follows necessarily contradiction deduce deduction infer inference statement statements argument cannot-be-determined knights knaves liar truth-teller puzzle riddle",
  physics_words:
    "velocity acceleration force forces momentum energy kinetic potential gravity gravitational mass friction torque inertia joule joules newton newtons watt watts pressure pascal density wavelength frequency amplitude wave waves oscillation pendulum spring hertz quantum photon photons electron electrons proton protons neutron neutrons nucleus nuclear radiation radioactive decay half-life isotope isotopes relativity optics lens mirror refraction reflection diffraction interference electric electricity magnetic magnetism charge charges coulomb voltage volt volts ampere amps resistance resistor resistors ohm ohms capacitor capacitance inductor circuit circuits conductor insulator semiconductor thermodynamics thermodynamic entropy heat temperature kelvin celsius thermal specific-heat ideal-gas gas gases orbit orbits planet planets star stars galaxy universe telescope astronomy vibration projectile trajectory collision elastic buoyancy fluid viscosity",
  chemistry_words:
    "atom atoms atomic molecule molecules molecular molar molarity mol mole moles element elements compound compounds reaction reactions reactant reactants product-of-reaction oxidation reduction redox catalyst acid acids base bases ph alkaline salt salts solution solute solvent concentration dilute titration equilibrium bond bonds covalent ionic ion ions valence orbital orbitals electronegativity isomer isomers organic hydrocarbon alkane alkene polymer enthalpy exothermic endothermic combustion precipitate stoichiometry periodic-table noble-gas metal metals oxide hydrogen oxygen nitrogen carbon sodium chlorine chloride calcium iron copper helium methane ethanol glucose hydroxide sulfate ammonia electrolysis",
  biology_words:
    "cell cells cellular organelle mitochondria mitochondrion nucleus chloroplast membrane ribosome enzyme enzymes protein proteins amino-acid gene genes genetic genetics dna rna chromosome chromosomes mutation mutations allele alleles heredity inherited trait traits dominant recessive species organism organisms evolution natural-selection adaptation photosynthesis respiration ecosystem ecosystems food-chain predator prey habitat population bacteria bacterium virus viruses fungi plant plants animal animals mammal mammals reptile reptiles insect insects tissue tissues organ organs neuron neurons hormone hormones immune antibody antibodies metabolism mitosis meiosis embryo fertilization pollination seed seeds leaf leaves root roots biodiversity microorganism",
  earth_science_words:
    "weather climate rain cloud clouds erosion rock rocks mineral minerals volcano volcanoes earthquake earthquakes plate-tectonics fossil fossils soil atmosphere ozone glacier ocean tides moon sun solar lunar season seasons water-cycle evaporation condensation precipitation magnet magnets renewable nonrenewable pollution star stars galaxy galaxies planet planets planetary comet comets asteroid asteroids meteor meteors black-hole black-holes supernova nebula universe cosmic orbit orbits orbital eclipse eclipses telescope astronomy astronomers tsunami tsunamis hurricane hurricanes tornado tornadoes aurora continental-drift",
  health_words:
    "symptom symptoms treatment treatments treated treat cure causes cause disease diseases syndrome disorder disorders condition conditions patient patients clinical diagnosis diagnosed diagnose therapy therapies medication medications medicine drug drugs dose dosage side-effects cancer tumor tumour infection infections infectious chronic acute surgery inherited mortality prognosis outlook risk-factors at-risk prevent prevention prevented vaccine vaccines vaccination antibiotic antibiotics virus contagious blood heart kidney kidneys liver lung lungs brain skin bone bones muscle muscles diabetes insulin asthma arthritis allergy allergies anemia hypertension stroke dementia alzheimer's parkinson's pregnancy pregnant fever pain inflammation immune doctor physician nurse hospital health healthy nutrition vitamin vitamins deficiency genetic-testing screening complications hereditary foot feet eye eyes ear ears throat stomach teeth tooth gums hair nails neck knee knees hip hips spine nerve nerves joint joints bladder bowel colon prostate breast ovary ovaries uterus thyroid pancreas gland glands spinal marrow artery arteries vein veins wound rash itching swelling cough nausea fatigue dizziness headache headaches seizures seizure bleeding pregnancy infant infants newborn elderly",
  ui_verbs:
    "click tap double-click right-click press open close navigate go-to scroll type enter select toggle turn-on turn-off enable disable install uninstall download upload bookmark log-in sign-in log-out sign-out add-to-cart checkout drag swipe launch switch-to set-the change-the save-the rename delete-the create-a-new sort-the filter mute unmute pin unpin archive star unstar subscribe unsubscribe upvote downvote reply forward attach zoom maximize minimize resize crop rotate export import-the insert-a share",
  app_nouns:
    "settings preferences app apps application browser tab tabs desktop button buttons menu menus icon icons toolbar sidebar dialog popup screen screenshot phone android iphone ios chrome firefox edge safari gmail outlook thunderbird calendar contacts spreadsheet spreadsheets excel calc libreoffice writer impress powerpoint word-document vs-code vscode visual-studio-code gimp photoshop vlc inkscape file-explorer finder nautilus wallpaper dark-mode wi-fi wifi bluetooth notification notifications sheet sheets workbook slide slides presentation layer layers canvas inbox mailbox extension extensions plugin shortcut shortcuts keyboard-shortcut taskbar dock clipboard system-settings control-panel brightness",
  web_nouns:
    "website websites site web-page webpage page pages url link links homepage search-bar cart shopping-cart wish-list wishlist checkout order orders product products item listing listings price review reviews rating ratings seller store shop shopping account profile forum forums post posts thread threads subreddit comment comments upvotes repository repositories repo merge-request merge-requests pull-request issue issues commit commits branch gitlab github map maps directions route admin dashboard customer customers invoice booking reservation flight flights hotel hotels amazon ebay google youtube reddit wikipedia booking.com airbnb expedia tripadvisor yelp spotify netflix twitter linkedin instagram facebook coursera arxiv",
  my_objects:
    "my-account my-cart my-orders my-order my-wish my-wishlist my-profile my-inbox my-email my-emails my-repository my-repo my-project my-desktop my-computer my-phone my-files my-documents my-browser my-calendar my-settings my-spreadsheet my-presentation my-document my-photo my-photos my-folder my-posts my-address my-shipping my-downloads",
  writing_words:
    "write compose draft rewrite rephrase paraphrase summarize summarise summary story stories poem poems poetry essay email e-mail letter blog tweet article speech song lyrics slogan headline caption outline cover-letter translate translation proofread edit tone formal informal persuasive creative brainstorm ideas tips advice recommend suggest suggestions plan itinerary description narrative fiction novel character characters dialogue script-for joke jokes haiku limerick toast anecdote metaphor rhyme paragraph sentence sentences grammar wording",
  roleplay:
    "act-as imagine-you pretend roleplay role-play you-are in-the-style stay-in-character as-a as-an persona character play-the",
  chat_phrases:
    "i-feel should-i do-you what-do your-opinion can-you could-you would-you help-me i-want i-need i'm i've my-friend my-wife my-husband my-boss my-mom my-dad my-girlfriend my-boyfriend my-kids my-son my-daughter how-do why-do why-is who-is who-was what-is-the-best thanks thank please",
  humanities_words:
    "history historical century war wars revolution empire king queen president presidents government constitution constitutional law laws legal court supreme-court congress parliament election elections democracy politics political policy economics economic economy market markets inflation gdp trade tax taxes business management marketing accounting finance philosophy philosopher philosophers ethics ethical moral morality religion religious god church bible culture cultural society social sociology psychology psychologist art artist painting music literature author poet writer novel language languages linguistics geography country countries capital city cities civilization ancient medieval renaissance colonial treaty rights freedom justice",
  research_words:
    "study studies trial trials randomized randomised controlled cohort prospective retrospective case-control cross-sectional meta-analysis systematic-review participants subjects enrolled outcome outcomes endpoint incidence prevalence associated association significant significantly p-value odds-ratio hazard-ratio confidence-interval abstract methods results baseline follow-up placebo efficacy adverse postoperative preoperative intervention clinical-trial",
  language_names:
    "python python3 javascript js typescript java c++ c# golang rust ruby php kotlin swift scala perl haskell r matlab bash powershell sql html css numpy pandas django flask react jquery node node.js npm pip regex json",
  mobile_app_words:
    "expense expenses income budget app alarm alarms timer stopwatch reminder reminders event events note notes memo contact contacts sms message messages call recording recordings gallery album camera photo photos playlist podcast calendar schedule task tasks to-do checklist recipe map navigation wallpaper ringtone",
  extraction_words:
    "extract classify categorize categorise identify label tag sentiment keywords entities json csv table bullet-points bullet format list-all named-entities",
};

type LexiconName = keyof typeof LEXICONS;
const LEXICON_NAMES = Object.keys(LEXICONS) as LexiconName[];

// FNV-1a word hashing over lower-cased characters, shared by lexicon building and scanning.
const FNV = 0x811c9dc5;
const PRIME = 16777619;
// Hashes are kept as int32 (`| 0`, never `>>> 0`): small integers stay unboxed in the hot loop.
function hashWord(w: string): number {
  let h = FNV;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), PRIME);
  return h | 0;
}
const combine = (a: number, b: number): number => (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) | 0;

/** Open-addressing int32 -> non-zero int32 table (0 = absent); faster than a Map for hash keys. */
interface IntTable {
  keys: Int32Array;
  vals: Int32Array;
  shift: number;
  mask: number;
}
function intTable(entries: Map<number, number>): IntTable {
  let bits = 4;
  while (1 << bits < entries.size * 4) bits++;
  const t: IntTable = { keys: new Int32Array(1 << bits), vals: new Int32Array(1 << bits), shift: 32 - bits, mask: (1 << bits) - 1 };
  for (const [k, v] of entries) {
    let i = Math.imul(k, 0x9e3779b1) >>> t.shift;
    while (t.vals[i] !== 0) i = (i + 1) & t.mask;
    t.keys[i] = k;
    t.vals[i] = v;
  }
  return t;
}
function tableGet(t: IntTable, k: number): number {
  let i = Math.imul(k, 0x9e3779b1) >>> t.shift;
  for (;;) {
    const v = t.vals[i]!;
    if (v === 0 || t.keys[i] === k) return v;
    i = (i + 1) & t.mask;
  }
}
const intSet = (keys: number[]): IntTable => intTable(new Map(keys.map((k) => [k, 1])));

/** Word characters for lexicon scanning: letters, digits, _ . # + ' / ~ (so "c++", "node.js", "/etc" stay whole). */
function isLexChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 39 ||
    c === 43 ||
    c === 35 ||
    // Other scripts stay inside words, except CJK (no spaces between words) and typographic marks.
    (c > 127 && c !== 0x2026 && c !== 0x2019 && !(c >= 0x3000 && c <= 0x9fff) && !(c >= 0xac00 && c <= 0xd7af) && !(c >= 0xf900 && c <= 0xfaff) && !(c >= 0xff00 && c <= 0xffef))
  );
}

/** hash(word) or combine(hash(w1), hash(w2)[, hash(w3)]) -> bit mask of lexicons. */
const lexiconEntries = new Map<number, number>();
/** Hashes of words that start a phrase (so bigram/trigram look-ups are only tried for them). */
const phraseHeads: number[] = [];
/** Lexicon entries: "-" joins the words of a phrase; ".", "/", "+", "#" and "'" stay inside words as in scanning. */
const splitLexWords = (entry: string): string[] => entry.split("-").filter((w) => w !== "");
LEXICON_NAMES.forEach((name, bit) => {
  for (const entry of LEXICONS[name].split(/\s+/)) {
    if (!entry) continue;
    const words = splitLexWords(entry);
    if (words.length === 0) continue;
    let h = hashWord(words[0]!);
    if (words.length > 1) phraseHeads.push(h);
    for (let i = 1; i < words.length; i++) {
      if (i < words.length - 1) phraseHeads.push(combine(h, hashWord(words[i]!)));
      h = combine(h, hashWord(words[i]!));
    }
    lexiconEntries.set(h, (lexiconEntries.get(h) ?? 0) | (1 << bit));
  }
});
const LEXICON_TABLE = intTable(lexiconEntries);
const PHRASE_HEADS = intSet(phraseHeads);

const IMPERATIVE_STARTS = intSet(
  "write create make build implement generate give list explain describe find open go click compose draft tell help show calculate solve compute determine prove evaluate simplify summarize summarise translate rewrite edit add set change delete remove update search navigate sort enable disable turn install book buy order pretend act imagine suggest brainstorm classify extract"
    .split(" ")
    .map(hashWord),
);
const QUESTION_STARTS = intSet("what which who whom whose when where why how is are does do can could should would will was were".split(" ").map(hashWord));
const QUANTIFIER_STARTS = intSet("all no some every everyone everything nobody none any anyone if each either neither whoever whatever".split(" ").map(hashWord));
const MODAL_FIRST_PERSON = intSet("can could would will please".split(" ").map(hashWord));

// ---------------------------------------------------------------------------------------------
// Regular-expression cues (syntax that words cannot capture). Each runs once on the capped text.
// None may take quadratic time on a run of one character: a line start is followed by
// `[^\S\n]*` (not `\s*`, which would rescan every later newline from each one), and a number
// before "%" is matched from its last digit (`\d+` would rescan the run from each digit).

const RE = {
  fence: /```|~~~/g,
  codeSyntax: /[{};]|=>|->|::|==|!=|\+=|\(\)|\[\]|<\/?[a-z]+>/g,
  defStub: /^[^\S\n]*(?:def|function|func|fn|public|private|int|void|class|async def)\s+\w+\s*\(/m,
  docstring: /"""|'''|\/\*\*|@param|@return|>>>/g,
  stackTrace: /traceback \(most recent|exception|error:|\bat [\w$.]+\(|segmentation fault|line \d+|stack trace|undefined is not|nullpointer|typeerror|syntaxerror|valueerror|indexerror|keyerror/g,
  indent: /\n(?: {2,}|\t)\S/g,
  shellSyntax: /(?:^|\s)-{1,2}[a-z][\w-]*|\s\|\s*\w|\$\(|&&|\s>>?\s*\S|\*\.\w+|(?:^|\s)(?:\.{0,2}\/|~\/)[\w.-]+/g,
  latex: /\\(?:frac|sqrt|cdot|times|left|right|begin|end|sum|int|pi|theta|alpha|beta|le|ge|neq|infty|mathrm|text|dfrac|binom|log|sin|cos|lim|partial|mathbb)\b|\$[^$\n]{1,80}\$|\\\(|\\\[|\^\{|_\{/g,
  arith: /\d\s*[-+*/×÷^=<>]\s*\d|\d\s*%|\b\d+\.\d+\b|[a-z]\s*\^\s*\d|\b\d*[a-z]\s*[+\-=]\s*\d/g,
  numbers: /\d+(?:[.,]\d+)?/g,
  medTerms: /\b[a-z]{3,}(?:itis|osis|emia|aemia|oma|omas|pathy|ectomy|otomy|plasia|algia|trophy|iasis|ococcal|ococcus|virus|viral|uria|penia|cytosis|sclerosis|plegia|rrhea|rrhoea)\b|\b(?:syndrome|disease|disorder|deficiency|infection|cancer|tumou?r|carcinoma|fever|palsy)\b/g,
  fileNames: /\w\.(?:txt|log|csv|tsv|sh|py|js|ts|json|conf|cfg|ini|md|tar|gz|tgz|zip|jpe?g|png|gif|pdf|docx?|xlsx?|pptx?|odt|ods|html?|xml|ya?ml|mp3|mp4|bak)\b/g,
  money: /[$€£]\s?\d|\d\s?(?:dollars|cents|euros|pounds)\b/g,
  units: /\d\s?(?:m\/s|km\/h|mph|kg|g|mg|km|cm|mm|nm|m|s|ms|n|j|kj|ev|w|kw|v|a|ma|hz|khz|mhz|k|°c|°f|mol|l|ml|atm|pa|kpa|ohms?|Ω|t)\b|\\mathrm\{/g,
  options: /(?:^|\n)[^\S\n]*\(?[A-Ea-e][).:]\s+\S|\boptions?:|\bchoices?:|\([A-D]\)|\b[A-D]\)\s+\S/g,
  question: /\?/g,
  newline: /\n/g,
  quoted: /["“'][^"”\n]{3,60}["”']/g,
};

/** Matches of `re` in `s`, counting no further than `cap` (a feature's saturation point: more cannot change it). */
function count(re: RegExp, s: string, cap: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < cap && re.exec(s) !== null) n++;
  return n;
}
const HAS_DIGIT = /[0-9]/;

// RE.medTerms as a scan. Both alternatives are bounded by \b on both sides and consist of [a-z]
// only, so a match is always a whole run of ASCII word characters ([A-Za-z0-9_]) that is all [a-z]:
// either one of MED_WORDS, or at least three letters followed by one of MED_SUFFIXES.
const MED_SUFFIXES = "itis osis emia aemia oma omas pathy ectomy otomy plasia algia trophy iasis ococcal ococcus virus viral uria penia cytosis sclerosis plegia rrhea rrhoea".split(" ");
const MED_WORDS = new Set("syndrome disease disorder deficiency infection cancer tumor tumour carcinoma fever palsy".split(" "));
const MED_LAST = new Set(MED_SUFFIXES.map((x) => x.charCodeAt(x.length - 1)));
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
function isMedicalRun(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len >= 5 && len <= 10 && MED_WORDS.has(s.slice(start, end))) return true;
  if (len < 6 || !MED_LAST.has(s.charCodeAt(end - 1))) return false;
  for (const suffix of MED_SUFFIXES) if (len >= suffix.length + 3 && s.startsWith(suffix, end - suffix.length)) return true;
  return false;
}
export function hasMedicalTerm(lower: string): boolean {
  let start = -1; // start of the current word-character run
  let letters = true; // the run so far is all [a-z]
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if (isAsciiWordChar(c)) {
      if (start < 0) {
        start = i;
        letters = true;
      }
      if (c < 97 || c > 122) letters = false;
    } else if (start >= 0) {
      if (letters && isMedicalRun(lower, start, i)) return true;
      start = -1;
    }
  }
  return false;
}
/** The literals of RE.docstring: the feature saturates at one match, so presence of any literal is enough. */
const DOCSTRING_MARKS = ['"""', "'''", "/**", "@param", "@return", ">>>"];
const sat = (n: number, k: number): number => (n >= k ? 1 : n / k);

// ---------------------------------------------------------------------------------------------

/** Saturation point of each lexicon count. */
const LEXICON_SAT: Record<LexiconName, number> = {
  code_keywords: 4,
  programming_words: 2,
  sql_words: 2,
  shell_commands: 2,
  filesystem_words: 3,
  math_words: 4,
  logic_words: 2,
  physics_words: 3,
  chemistry_words: 3,
  biology_words: 3,
  earth_science_words: 2,
  health_words: 2,
  ui_verbs: 2,
  app_nouns: 2,
  web_nouns: 3,
  my_objects: 1,
  writing_words: 2,
  roleplay: 1,
  chat_phrases: 2,
  humanities_words: 3,
  extraction_words: 2,
  research_words: 3,
  language_names: 1,
  mobile_app_words: 2,
};

const OTHER_NAMES = [
  "code_fence",
  "code_syntax",
  "def_stub",
  "docstring",
  "stack_trace",
  "indented_lines",
  "shell_syntax",
  "shell_command_first",
  "medical_terms",
  "file_names",
  "latex",
  "arithmetic",
  "numbers",
  "money",
  "units",
  "options",
  "question_marks",
  "quoted",
  "imperative_start",
  "question_start",
  "request_start",
  "quantifier_sentences",
  "first_person",
  "second_person",
  "log_length",
  "lines",
  "non_ascii",
  "short_prompt",
  "words_per_sentence",
] as const;

export const HEURISTIC_NAMES: readonly string[] = [...LEXICON_NAMES, ...OTHER_NAMES];
export const HEURISTIC_COUNT = HEURISTIC_NAMES.length;
const L = LEXICON_NAMES.length;

/** Characters looked at: the first HEAD and last TAIL characters (counts saturate early). */
export const HEURISTIC_HEAD_CHARS = 800;
export const HEURISTIC_TAIL_CHARS = 200;

const lexCounts = new Int32Array(L);
const HASH_I = hashWord("i");
const HASH_MY = hashWord("my");
const HASH_ME = hashWord("me");
const HASH_YOU = hashWord("you");
const HASH_YOUR = hashWord("your");

/** Compute the heuristics of `fullText` into `out` (length HEURISTIC_COUNT). */
export function computeHeuristics(fullText: string, out: Float32Array = new Float32Array(HEURISTIC_COUNT)): Float32Array {
  const text =
    fullText.length > HEURISTIC_HEAD_CHARS + HEURISTIC_TAIL_CHARS
      ? `${fullText.slice(0, HEURISTIC_HEAD_CHARS)}\n${fullText.slice(fullText.length - HEURISTIC_TAIL_CHARS)}`
      : fullText;
  const lower = text.toLowerCase();
  lexCounts.fill(0);

  // One pass: word hashes, lexicon look-ups (words and 2-3-word phrases), sentence starts.
  let words = 0;
  let sentences = 0;
  let quantifierSentences = 0;
  let firstPerson = 0;
  let secondPerson = 0;
  let firstWord = 0;
  let secondWord = 0;
  let prev1 = 0; // hash of the previous word (when hasPrev1; not at a sentence boundary)
  let hasPrev1 = false;
  let prev2 = 0; // combine(prev-prev, prev) when it is a phrase head (when hasPrev2)
  let hasPrev2 = false;
  let atSentenceStart = true;
  let h = FNV;
  let inWord = false;
  const n = lower.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (isLexChar(c) || (inWord && (c === 46 || c === 47) && i + 1 < n && isLexChar(lower.charCodeAt(i + 1))) || (!inWord && (c === 47 || c === 126 || c === 46) && i + 1 < n && isLexChar(lower.charCodeAt(i + 1)))) {
      if (!inWord) {
        h = FNV;
        inWord = true;
      }
      h = Math.imul(h ^ c, PRIME);
      continue;
    }
    if (inWord) {
      inWord = false;
      const w = h | 0;
      words++;
      if (words === 1) firstWord = w;
      else if (words === 2) secondWord = w;
      if (atSentenceStart) {
        sentences++;
        if (tableGet(QUANTIFIER_STARTS, w) !== 0) quantifierSentences++;
        atSentenceStart = false;
      }
      if (w === HASH_I || w === HASH_MY || w === HASH_ME) firstPerson++;
      else if (w === HASH_YOU || w === HASH_YOUR) secondPerson++;
      let mask = tableGet(LEXICON_TABLE, w);
      if (hasPrev1 && tableGet(PHRASE_HEADS, prev1) !== 0) {
        const b = combine(prev1, w);
        mask |= tableGet(LEXICON_TABLE, b);
        if (hasPrev2) mask |= tableGet(LEXICON_TABLE, combine(prev2, w));
        prev2 = b;
        hasPrev2 = tableGet(PHRASE_HEADS, b) !== 0;
      } else hasPrev2 = false;
      prev1 = w;
      hasPrev1 = true;
      if (mask !== 0) for (let b = 0; b < L; b++) if (mask & (1 << b)) lexCounts[b] = lexCounts[b]! + 1;
    }
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 58 || c === 59) {
      // . ! ? newline : ; end a sentence/clause for phrase and sentence-start purposes.
      atSentenceStart = c !== 58 && c !== 59 ? true : atSentenceStart;
      hasPrev1 = false;
      hasPrev2 = false;
    }
  }

  let j = 0;
  for (let b = 0; b < L; b++) out[j++] = sat(lexCounts[b]!, LEXICON_SAT[LEXICON_NAMES[b]!]);
  out[j++] = sat(count(RE.fence, text, 2), 2);
  out[j++] = sat(count(RE.codeSyntax, text, 6), 6);
  out[j++] = RE.defStub.test(text) ? 1 : 0;
  out[j++] = DOCSTRING_MARKS.some((m) => text.includes(m)) ? 1 : 0; // = sat(count(RE.docstring), 1), without the regex
  out[j++] = sat(count(RE.stackTrace, lower, 2), 2);
  // Cheap exact pre-checks skip regexes that cannot match: every alternative needs the checked text.
  out[j++] = text.includes("\n  ") || text.includes("\n\t") ? sat(count(RE.indent, text, 3), 3) : 0;
  out[j++] = sat(count(RE.shellSyntax, lower, 3), 3);
  const firstMask = words === 0 ? 0 : tableGet(LEXICON_TABLE, firstWord);
  out[j++] = firstMask & (1 << LEXICON_NAMES.indexOf("shell_commands")) && words < 40 ? 1 : 0;
  out[j++] = hasMedicalTerm(lower) ? 1 : 0; // = sat(count(RE.medTerms, lower, 1), 1), without the regex
  out[j++] = sat(count(RE.fileNames, lower, 2), 2);
  out[j++] = text.includes("\\") || text.includes("$") || text.includes("{") ? sat(count(RE.latex, text, 2), 2) : 0;
  // Case folding neither adds nor removes ASCII digits, so `text` and `lower` have the same ones.
  const digits = HAS_DIGIT.test(text);
  out[j++] = digits ? sat(count(RE.arith, lower, 2), 2) : 0;
  out[j++] = digits ? sat(count(RE.numbers, text, 4), 4) : 0;
  out[j++] = digits ? sat(count(RE.money, lower, 1), 1) : 0;
  out[j++] = digits || lower.includes("\\mathrm{") ? sat(count(RE.units, lower, 2), 2) : 0;
  out[j++] = sat(count(RE.options, text, 3), 3);
  out[j++] = sat(count(RE.question, text, 2), 2);
  out[j++] = sat(count(RE.quoted, text, 2), 2);
  const firstModal = words > 0 && tableGet(MODAL_FIRST_PERSON, firstWord) !== 0;
  const lead = firstModal && words > 1 ? secondWord : firstWord;
  out[j++] = words > 0 && tableGet(IMPERATIVE_STARTS, lead) !== 0 ? 1 : 0;
  out[j++] = words > 0 && tableGet(QUESTION_STARTS, firstWord) !== 0 ? 1 : 0;
  out[j++] = firstModal ? 1 : 0;
  out[j++] = sentences > 0 ? sat(quantifierSentences, 3) : 0;
  out[j++] = sat(firstPerson, 2);
  out[j++] = sat(secondPerson, 2);
  out[j++] = Math.min(1, Math.log1p(fullText.length) / Math.log1p(1400));
  out[j++] = sat(count(RE.newline, text, 12), 12);
  out[j++] = nonAsciiShare(text);
  out[j++] = words <= 12 ? 1 : 0;
  out[j++] = sentences > 0 ? Math.min(1, words / sentences / 30) : 0;
  return out;
}

function nonAsciiShare(t: string): number {
  if (t.length === 0) return 0;
  let k = 0;
  const m = Math.min(t.length, 600);
  for (let i = 0; i < m; i++) if (t.charCodeAt(i) > 127) k++;
  return k / m;
}

/** Lexicon entries that match `text` (for explanations and tests). */
export function lexiconHits(text: string): Record<string, number> {
  const out = computeHeuristics(text);
  const r: Record<string, number> = {};
  for (let b = 0; b < L; b++) if (out[b]! > 0) r[LEXICON_NAMES[b]!] = out[b]!;
  return r;
}
