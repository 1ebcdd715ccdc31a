import { createRandom } from "../../random/mulberry32";
import { STYLE_FAMILIES } from "./style-templates";

/**
 * Hand-written templates for prompt styles that the training data lacks (general writing and
 * brainstorming, code-completion stubs, grade-school word problems, GUI/web tasks, multiple-choice
 * physics/chemistry/biology). Generated deterministically; none is copied from any benchmark.
 */
export interface AugmentedRow {
  id: string;
  category: string;
  source: string;
  prompt: string;
}

type Gen = (pick: <T>(xs: readonly T[]) => T, n: () => number) => string;

const topics = ["a small bakery", "remote work", "climate change", "a mountain village", "our new product launch", "a family reunion", "learning a language", "the city library", "a charity run", "the history of jazz", "a first job", "healthy breakfasts", "a rainy weekend", "space tourism", "urban gardening", "a road trip through Portugal", "volunteering", "a retirement party", "minimalism", "the future of cities"];
const forms = ["blog post", "short story", "poem", "haiku", "email", "cover letter", "speech", "product description", "LinkedIn post", "tweet thread", "newsletter intro", "toast", "limerick", "persuasive essay", "press release", "song chorus", "dialogue", "thank-you note"];
const tones = ["formal", "friendly", "funny", "professional", "warm", "persuasive", "concise", "enthusiastic", "polite", "casual"];
const names = ["Maria", "Tom", "Aisha", "Kenji", "Lena", "Omar", "Priya", "Jack", "Sofia", "Ben", "Chloe", "Ravi"];
const items = ["apples", "stickers", "marbles", "cookies", "pencils", "books", "cupcakes", "cards", "shells", "balloons"];
const langs = ["Python", "JavaScript", "TypeScript", "Java", "C++", "Go", "Rust", "C#"];
const tasks = ["returns the n-th Fibonacci number", "checks whether a string is a palindrome", "merges two sorted lists", "counts the vowels in a string", "finds the longest common prefix of a list of strings", "removes duplicates while keeping order", "computes the greatest common divisor of two integers", "returns the k largest elements of a list", "validates an email address", "flattens a nested list", "converts a Roman numeral to an integer", "rotates a matrix by 90 degrees"];
const fnames = ["pack_boxes", "is_balanced", "ticket_total", "count_words", "rotate_left", "unique_pairs", "closest_pair", "parse_ranges", "fuel_needed", "shelf_order", "digit_sum", "common_items"];
const apps = ["Settings", "Chrome", "Gmail", "Calendar", "Files", "Spotify", "Clock", "Contacts", "VS Code", "Thunderbird", "LibreOffice Writer", "GIMP", "VLC"];
const appActs = ["turn on dark mode", "set an alarm for 7:30 am", "create a new folder named Reports", "change the default font size to 14", "enable Bluetooth", "mute notifications", "bookmark the current page", "clear the browsing history", "add a new contact named Alex Kim", "export the document as PDF", "install the Python extension", "increase the volume to 80%"];
const sites = ["amazon.com", "booking.com", "github.com", "wikipedia.org", "ebay.com", "allrecipes.com", "apple.com", "google maps", "the Coursera website", "arxiv.org", "espn.com", "the BBC website"];
const siteActs = ["find the cheapest wireless mouse with at least 4 stars", "search for a hotel in Lisbon for two adults next weekend", "find the most starred repository about web scraping", "look up the population of Canada", "add a pair of running shoes size 10 to the cart", "find a vegetarian lasagna recipe with more than 100 reviews", "compare the prices of the two newest laptops", "get walking directions from the station to the museum", "find the latest paper on protein folding", "open the standings page of the Premier League", "sign up for the newsletter with my email", "filter results to show only items under $50"];
const sci = [
  ["A ball is dropped from a height of 20 m. Ignoring air resistance, how long does it take to reach the ground?", "1.0 s", "2.0 s", "4.1 s", "9.8 s"],
  ["Which organelle is the main site of ATP production in eukaryotic cells?", "Nucleus", "Ribosome", "Mitochondrion", "Golgi apparatus"],
  ["What is the pH of a 0.01 M solution of hydrochloric acid?", "1", "2", "7", "12"],
  ["Which gas is produced at the cathode during the electrolysis of water?", "Oxygen", "Hydrogen", "Chlorine", "Nitrogen"],
  ["A 2 kg block accelerates at 3 m/s^2. What net force acts on it?", "1.5 N", "5 N", "6 N", "9 N"],
  ["Which process converts glucose into pyruvate?", "Glycolysis", "Krebs cycle", "Transcription", "Osmosis"],
  ["What is the wavelength of a photon with energy 3.0 eV?", "210 nm", "413 nm", "620 nm", "900 nm"],
  ["In which type of bond are electrons shared between atoms?", "Ionic", "Covalent", "Metallic", "Hydrogen"],
  ["Which particle has no electric charge?", "Proton", "Electron", "Neutron", "Positron"],
  ["What happens to the resistance of a metal wire as its temperature increases?", "It increases", "It decreases", "It stays the same", "It becomes zero"],
];

const sciConcepts = ["photosynthesis", "natural selection", "plate tectonics", "nuclear fusion in stars", "the greenhouse effect", "osmosis", "the Doppler effect", "entropy", "chemical equilibrium", "DNA replication", "how vaccines train the immune system", "superconductivity", "the photoelectric effect", "cellular respiration", "radioactive decay", "the water cycle", "electromagnetic induction", "protein folding", "acid-base titration", "the Krebs cycle", "ocean tides", "semiconductor doping", "the structure of the atom", "how neurons transmit signals"];
const sciVerbs = ["Explain", "Describe", "Explain in simple terms", "What is the role of energy in", "Summarize the key principles of", "How does temperature affect"];
const sciCalc = ["Calculate the kinetic energy of a 1200 kg car moving at 25 m/s.", "What is the molarity of a solution made by dissolving 10 g of NaCl in 500 mL of water?", "An electron is accelerated through 100 V. What is its de Broglie wavelength?", "How much heat is needed to raise 2 kg of water from 20 °C to 80 °C?", "A gas occupies 4.0 L at 300 K and 1 atm. What volume does it occupy at 450 K and 2 atm?", "What is the half-life of an isotope if 25% remains after 10 years?", "Balance the equation: Fe + O2 -> Fe2O3, and name the type of reaction.", "A lens has focal length 15 cm. Where is the image of an object placed 40 cm away?"];
const frameworks = ["React", "Django", "Flask", "pandas", "NumPy", "Spring Boot", "Node.js", "Docker", "Kubernetes", "git", "Express", "PyTorch", "Rails", "Vue"];
const algos = ["binary search", "quicksort", "merge sort", "Dijkstra's algorithm", "a hash table lookup", "breadth-first search", "heap insertion", "dynamic programming for the knapsack problem"];
const codeQs = ["my component re-renders in an infinite loop", "I get a 'module not found' error after installing a package", "the query returns duplicate rows", "the container exits immediately after starting", "my tests pass locally but fail in CI", "the API returns a CORS error", "memory usage keeps growing", "the merge produced conflicts in package-lock.json"];
const cities = ["Kyoto", "Lisbon", "Mexico City", "Reykjavik", "Cape Town", "Vancouver", "Istanbul", "Hanoi", "Edinburgh", "Buenos Aires"];
const lifeQs = ["improve my public speaking", "sleep better", "save money on groceries", "prepare for a job interview", "make new friends in a new city", "stay focused while studying", "negotiate a higher salary", "start running as a beginner", "deal with a difficult coworker", "write a good wedding speech"];
const mathThm = ["the pigeonhole principle", "the binomial theorem", "Bayes' theorem", "the Chinese remainder theorem", "Fermat's little theorem", "the mean value theorem", "the inclusion-exclusion principle", "Euler's formula"];

const GENERATORS: Record<string, { count: number; gens: Gen[] }> = {
  general: {
    count: 360,
    gens: [
      (p) => `Write a ${p(tones)} ${p(forms)} about ${p(topics)}.`,
      (p) => `Compose an engaging ${p(forms)} about ${p(topics)}, highlighting the best moments.`,
      (p) => `Rewrite this email to sound more ${p(tones)}: "Hi, I can't make it to the meeting tomorrow, can we move it?"`,
      (p) => `Give me ten creative ideas for ${p(topics)}.`,
      (p) => `Brainstorm names for ${p(topics)}.`,
      (p) => `Summarize the following paragraph in two sentences: ${p(names)} spent the summer working at ${p(topics)} and learned a lot about people, patience and planning.`,
      (p) => `Can you help me plan a weekend itinerary for ${p(topics)}?`,
      (p) => `What are some tips for staying motivated with ${p(topics)}?`,
      (p) => `I need advice: my friend ${p(names)} keeps cancelling plans. How should I talk to them?`,
      (p) => `Draft a ${p(tones)} reply declining an invitation to ${p(topics)}.`,
      (p) => `Edit this sentence for grammar and tone: "me and ${p(names)} was going to the store but it were closed."`,
      (p) => `Pretend you are a travel guide and describe ${p(topics)} to a first-time visitor.`,
      (p) => `Translate into French: "Thank you for inviting us to ${p(topics)}."`,
      (p) => `Write a short motivational message for a friend starting ${p(topics)}.`,
      (p) => `Explain the pros and cons of ${p(topics)} in a balanced way.`,
      (p) => `Create a catchy slogan for ${p(topics)}.`,
      (p, n) => `Help me plan a ${2 + (n() % 5)}-day trip to ${p(cities)}.`,
      (p) => `What are the best things to do in ${p(cities)} with kids?`,
      (p) => `How can I ${p(lifeQs)}?`,
      (p) => `Give me some advice on how to ${p(lifeQs)}.`,
      (p) => `Recommend five books for someone who wants to ${p(lifeQs)}.`,
      (p) => `Write a short bio for ${p(names)}, a ${p(tones)} event planner who loves ${p(topics)}.`,
    ],
  },
  coding: {
    count: 260,
    gens: [
      (p) => `Write a ${p(langs)} function that ${p(tasks)}.`,
      (p) => `Write a python function to ${p(tasks).replace(/^returns/, "return").replace(/s /, " ")}.`,
      (p) => `def ${p(fnames)}(nums: list, k: int) -> int:\n    """Given a list of integers nums and an integer k, ${p(tasks)}.\n    >>> ${p(fnames)}([1, 2, 3], 2)\n    2\n    """\n`,
      (p) => `from typing import List\n\n\ndef ${p(fnames)}(values: List[str]) -> List[str]:\n    """ ${p(tasks)}\n    >>> ${p(fnames)}(['a', 'b'])\n    ['a']\n    """\n`,
      (p) => `Fix the bug in this ${p(langs)} code:\n\`\`\`\nfor (let i = 0; i <= arr.length; i++) { total += arr[i]; }\n\`\`\``,
      (p) => `I get this error when running my script:\nTraceback (most recent call last):\n  File "main.py", line 12, in <module>\nKeyError: '${p(items)}'\nHow do I fix it?`,
      (p) => `Implement a class in ${p(langs)} that ${p(tasks)} and add unit tests.`,
      () => `Refactor this function to be more readable:\nfunction f(a,b){if(a>b){return a-b}else{return b-a}}`,
      (p) => `What is the time complexity of ${p(algos)}? Explain why.`,
      (p) => `In ${p(frameworks)}, ${p(codeQs)}. What could cause this?`,
      (p) => `Why does ${p(codeQs).replace(/^my /, "my ").replace(/^I /, "it happen that I ")} when using ${p(frameworks)}?`,
      (p) => `Explain the difference between a process and a thread, with an example in ${p(langs)}.`,
      (p) => `How do I ${p(tasks).replace(/^returns/, "return").replace(/s /, " ")} in ${p(langs)}?`,
      (p) => `Given an array of integers, write an algorithm that ${p(tasks)}. Analyse its complexity.`,
    ],
  },
  math: {
    count: 220,
    gens: [
      (p, n) => `${p(names)} had ${n()} ${p(items)}. She gave ${n()} to ${p(names)} and then bought ${n()} more. How many ${p(items)} does she have now?`,
      (p, n) => `${p(names)} sells ${p(items)} for $${n()} each. On Monday he sold ${n()} and on Tuesday twice as many. How much money did he make in total?`,
      (p, n) => `A train travels ${n() * 10} miles in ${n()} hours. At the same speed, how far will it travel in ${n()} hours?`,
      (p, n) => `${p(names)} reads ${n()} pages a day. The book has ${n() * 20} pages. How many days will it take to finish the book?`,
      (_p, n) => `Find all real $x$ such that $x^2 - ${n()}x + ${n()} = 0$.`,
      (_p, n) => `Let $f(x) = ${n()}x^3 - x + 1$. Compute $f'(${n()})$ and explain each step.`,
      (_p, n) => `Prove that the sum of the first $n$ odd numbers is $n^2$, then evaluate it for n = ${n()}.`,
      (p) => `Using ${p(mathThm)}, show how to solve a typical problem and give a worked example.`,
      (_p, n) => `How many ways can ${n()} people be seated around a round table if two of them refuse to sit together?`,
      (_p, n) => `What is the probability of getting at least ${n() % 6 + 1} heads in ${n() % 6 + 7} fair coin tosses?`,
      (_p, n) => `Evaluate the integral of x^${n() % 5 + 1} e^x from 0 to 1.`,
      (p, n) => `A store offers a ${n() * 5}% discount on a jacket that costs $${n() * 10}. ${p(names)} also pays 8% tax on the discounted price. What is the final price?`,
    ],
  },
  computer_use: {
    count: 220,
    gens: [
      (p) => `Open the ${p(apps)} app and ${p(appActs)}.`,
      (p) => `On ${p(sites)}, ${p(siteActs)}.`,
      (p) => `Go to ${p(sites)} and ${p(siteActs)}.`,
      (p) => `In ${p(apps)}, ${p(appActs)}, then close the window.`,
      (p) => `Please ${p(appActs)} on my phone.`,
      (p) => `Navigate to ${p(sites)}, click the search bar, type "${p(items)}" and open the first result.`,
    ],
  },
  science: {
    count: 200,
    gens: [
      (p) => {
        const q = p(sci);
        return `${q[0]}\nA. ${q[1]}\nB. ${q[2]}\nC. ${q[3]}\nD. ${q[4]}`;
      },
      (p) => {
        const q = p(sci);
        return `${q[0]} Explain the underlying principle.`;
      },
      (p) => `${p(sciVerbs)} ${p(sciConcepts)}.`,
      (p) => `Describe the process of ${p(sciConcepts)} and why it matters.`,
      (p) => `${p(sciCalc)}`,
      (p) => `What is the relationship between ${p(sciConcepts)} and ${p(sciConcepts)}?`,
    ],
  },
};

export function augmentPrompts(seed = 7): AugmentedRow[] {
  const rand = createRandom(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const n = (): number => 2 + Math.floor(rand() * 40);
  const out: AugmentedRow[] = [];
  const seen = new Set<string>();
  for (const category of Object.keys(GENERATORS).sort()) {
    const { count, gens } = GENERATORS[category]!;
    for (let i = 0; i < count * 3 && out.filter((r) => r.category === category).length < count; i++) {
      const prompt = gens[i % gens.length]!(pick, n);
      if (seen.has(prompt)) continue;
      seen.add(prompt);
      out.push({ id: `synthetic-${category}-${i}`, category, source: "synthetic", prompt });
    }
  }
  // Style families (see style-templates.ts): each is its own pseudo-source.
  for (const family of Object.keys(STYLE_FAMILIES).sort()) {
    const { category, count, gens } = STYLE_FAMILIES[family]!;
    let made = 0;
    for (let i = 0; i < count * 4 && made < count; i++) {
      const prompt = gens[i % gens.length]!(pick, n);
      if (seen.has(prompt)) continue;
      seen.add(prompt);
      out.push({ id: `synthetic-${family}-${i}`, category, source: `synthetic_${family}`, prompt });
      made++;
    }
  }
  return out;
}
