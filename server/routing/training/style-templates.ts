/**
 * Hand-written template families for prompt styles the training data covers thinly or not at all.
 * Each family is its own pseudo-source (`synthetic_<family>`), so per-source reweighting treats it
 * like one more source and no single template idiom dominates a category. Everything here is
 * written for this project from generic vocabulary; nothing is copied from a benchmark.
 */
export type Pick = <T>(xs: readonly T[]) => T;
export type Gen = (p: Pick, n: () => number) => string;
export interface Family {
  category: string;
  count: number;
  gens: Gen[];
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const letters = ["A", "B", "C", "D"];
/** Multiple-choice layout in one of several common formats; the correct option goes at a random slot. */
function mc(p: Pick, n: () => number, question: string, right: string, wrong: readonly string[]): string {
  const opts = [...wrong.filter((w) => w !== right)].slice(0, 3);
  const slot = n() % (opts.length + 1);
  opts.splice(slot, 0, right);
  const style = p([0, 1, 2, 3, 4]);
  if (style === 0) return `${question}\n${opts.map((o, i) => `${letters[i]}. ${o}`).join("\n")}`;
  if (style === 1) return `${question}\nOptions: ${opts.map((o, i) => `${letters[i]}) ${o}`).join(" ")}`;
  if (style === 2) return `${question}\n${opts.map((o, i) => `(${letters[i]}) ${o}`).join("\n")}`;
  if (style === 3) return `Question: ${question}\nChoices:\n${opts.map((o, i) => `${letters[i]}) ${o}`).join("\n")}\nAnswer:`;
  return `${question} ${opts.map((o, i) => `(${letters[i]}) ${o}`).join(" ")}`;
}
// ---------------------------------------------------------------------------------------------
// Shared vocabulary

const people = ["Maya", "Daniel", "Grace", "Luis", "Hannah", "Yusuf", "Elena", "Noah", "Ines", "Victor", "Zoe", "Arjun", "Mei", "Carlos", "Fatima", "Oliver", "Nadia", "Sam", "Leo", "Rosa", "Kwame", "Ida", "Tariq", "Ana"];
const goods = ["notebooks", "oranges", "candles", "tickets", "bracelets", "jars of jam", "plants", "comic books", "muffins", "bags of rice", "T-shirts", "toy cars", "eggs", "pies", "bottles of juice", "packs of gum", "boxes of tea", "stamps"];
const places = ["the bakery", "the school fair", "the farmers' market", "the bookstore", "the garage sale", "the bake sale", "the toy shop", "the flower stall"];

// Conditions for consumer-health questions (common, generic names).
const conditions = ["asthma", "type 2 diabetes", "high blood pressure", "migraine", "psoriasis", "eczema", "gout", "anemia", "osteoarthritis", "rheumatoid arthritis", "kidney stones", "gallstones", "celiac disease", "Crohn's disease", "ulcerative colitis", "hypothyroidism", "hyperthyroidism", "glaucoma", "cataracts", "macular degeneration", "tinnitus", "sleep apnea", "shingles", "Lyme disease", "tuberculosis", "hepatitis B", "pneumonia", "bronchitis", "sinusitis", "appendicitis", "pancreatitis", "cystic fibrosis", "sickle cell disease", "hemophilia", "multiple sclerosis", "epilepsy", "Parkinson's disease", "Alzheimer's disease", "lupus", "fibromyalgia", "scoliosis", "osteoporosis", "melanoma", "leukemia", "lymphoma", "heart failure", "atrial fibrillation", "deep vein thrombosis", "varicose veins", "acid reflux", "irritable bowel syndrome", "urinary tract infection", "chickenpox", "measles", "mumps", "tetanus", "rabies", "malaria", "dengue fever", "Graves' disease", "Addison's disease", "Cushing's syndrome", "Marfan syndrome", "Down syndrome", "muscular dystrophy", "cerebral palsy", "narcolepsy", "vertigo", "rosacea", "acne", "carpal tunnel syndrome", "plantar fasciitis", "hernia", "hemorrhoids", "conjunctivitis", "strep throat", "mononucleosis", "food poisoning", "heat stroke", "frostbite", "concussion", "whiplash"];
const healthQ = [
  "What are the symptoms of {c}?",
  "What causes {c}?",
  "How is {c} diagnosed?",
  "What are the treatments for {c}?",
  "How can {c} be prevented?",
  "Who is at risk for {c}?",
  "What is the outlook for people with {c}?",
  "Is {c} inherited?",
  "What is {c}?",
  "Do you have information about {c}?",
  "How many people are affected by {c}?",
  "What are the complications of {c}?",
  "Is {c} contagious?",
  "What are the early warning signs of {c} in children?",
  "Can {c} be cured, or only managed?",
  "What lifestyle changes help with {c}?",
  "What tests does a doctor use to check for {c}?",
  "My doctor says I might have {c}. What does that mean?",
  "what is {c} and how do you get it",
  "Is it safe to exercise with {c}?",
  "What should I eat if I have {c}?",
  "What medications are commonly prescribed for {c}, and what are their side effects?",
];
const drugs = ["ibuprofen", "metformin", "amoxicillin", "statins", "aspirin", "antihistamines", "beta blockers", "ACE inhibitors", "antidepressants", "corticosteroids", "insulin", "blood thinners", "proton pump inhibitors"];

// Grade-school science facts for multiple-choice questions: [question, right, wrong pool].
const sciMc: [string, string, string[]][] = [
  ["Which of these is a renewable source of energy?", "wind", ["coal", "oil", "natural gas", "diesel"]],
  ["Which material is the best conductor of electricity?", "copper wire", ["rubber band", "wooden stick", "plastic spoon", "glass marble"]],
  ["Which of these animals is a mammal?", "whale", ["shark", "frog", "lizard", "salmon"]],
  ["What do plants mainly need from the air to make food?", "carbon dioxide", ["oxygen", "nitrogen", "helium", "smoke"]],
  ["Which of these is a physical change?", "ice melting", ["wood burning", "iron rusting", "bread baking", "milk souring"]],
  ["Which of these is a chemical change?", "a nail rusting", ["glass breaking", "water boiling", "paper being folded", "sugar dissolving"]],
  ["What causes day and night on Earth?", "Earth rotating on its axis", ["Earth orbiting the Sun", "the Moon's phases", "clouds blocking sunlight", "the tilt of the Moon"]],
  ["Which organ pumps blood through the body?", "the heart", ["the lungs", "the stomach", "the liver", "the brain"]],
  ["What is the main job of the roots of a plant?", "taking in water and minerals", ["making seeds", "catching sunlight", "attracting insects", "producing pollen"]],
  ["Which tool is used to measure temperature?", "a thermometer", ["a ruler", "a balance", "a barometer", "a compass"]],
  ["Which state of matter has a fixed shape?", "solid", ["liquid", "gas", "steam", "vapor"]],
  ["What happens to water when it freezes?", "it expands", ["it shrinks", "it turns into gas", "it gets heavier", "it loses its mass"]],
  ["Which of these is an example of erosion?", "a river carrying away soil", ["a seed sprouting", "ice cream melting", "a volcano forming a cloud", "a cat shedding fur"]],
  ["Why does a metal spoon feel colder than a wooden spoon at the same temperature?", "metal conducts heat away from the hand faster", ["metal is always colder", "wood makes its own heat", "metal contains ice", "wood reflects light"]],
  ["Which of these would most likely be attracted to a magnet?", "a steel paper clip", ["a rubber eraser", "a copper coin", "a glass bead", "an aluminum can"]],
  ["What is the source of energy for most food chains?", "the Sun", ["the soil", "the wind", "the Moon", "rocks"]],
  ["Which part of the cell controls its activities?", "the nucleus", ["the cell wall", "the vacuole", "the membrane", "the cytoplasm"]],
  ["A student wants to find out which paper towel absorbs the most water. What should stay the same in each trial?", "the amount of water used", ["the brand of towel", "the result", "the number of towels tested", "the color of each towel"]],
  ["Which of these best describes a predator?", "an animal that hunts other animals", ["an animal that only eats plants", "a plant that makes food", "an organism that breaks down waste", "an animal that sleeps all winter"]],
  ["What gas do humans breathe out as waste?", "carbon dioxide", ["oxygen", "hydrogen", "neon", "ozone"]],
  ["Which planet is closest to the Sun?", "Mercury", ["Venus", "Mars", "Jupiter", "Neptune"]],
  ["What kind of rock forms from cooled lava?", "igneous rock", ["sedimentary rock", "metamorphic rock", "limestone", "sandstone"]],
  ["Which of these helps a cactus survive in the desert?", "a thick stem that stores water", ["broad thin leaves", "shallow roots only", "bright flowers", "soft bark"]],
  ["Sound travels fastest through which of these?", "steel", ["air", "a vacuum", "water vapor", "foam"]],
  ["Which simple machine is a ramp?", "an inclined plane", ["a lever", "a pulley", "a wheel and axle", "a screw"]],
  ["What is formed when water vapor cools high in the sky?", "clouds", ["wind", "lightning", "sand", "soil"]],
  ["Which of these is an inherited trait?", "eye color", ["a scar", "a haircut", "knowing how to swim", "a tan"]],
  ["Why do leaves of many trees change color in autumn?", "chlorophyll breaks down", ["the leaves get more sunlight", "insects paint them", "the roots freeze", "the air contains more oxygen"]],
  ["Which object would float in water?", "a cork", ["a stone", "an iron nail", "a glass marble", "a coin"]],
  ["What does a food web show?", "how energy passes between organisms", ["how rocks are formed", "where rain falls", "how fast animals run", "the age of a tree"]],
];

// University-level science MCQ (physics, chemistry, biology, medicine): [question, right, wrong pool].
const uniSciMc: [string, string, string[]][] = [
  ["In a first-order reaction, the half-life", "is independent of the initial concentration", ["doubles when the concentration doubles", "halves when the concentration doubles", "depends on the square of the concentration"]],
  ["Which quantum number determines the shape of an atomic orbital?", "the azimuthal quantum number l", ["the principal quantum number n", "the magnetic quantum number m_l", "the spin quantum number m_s"]],
  ["The primary mechanism of action of penicillin is inhibition of", "bacterial cell wall synthesis", ["protein synthesis at the 30S subunit", "DNA gyrase", "folate synthesis"]],
  ["A patient with low serum calcium and high phosphate most likely has", "hypoparathyroidism", ["primary hyperparathyroidism", "vitamin D toxicity", "hyperthyroidism"]],
  ["For an ideal gas undergoing an isothermal expansion, the change in internal energy is", "zero", ["positive", "negative", "equal to the work done"]],
  ["The Pauli exclusion principle states that", "no two electrons in an atom can share all four quantum numbers", ["electrons fill lower energy levels first", "orbitals of equal energy are singly occupied first", "energy is quantized"]],
  ["Which organelle is the site of the electron transport chain in eukaryotes?", "the inner mitochondrial membrane", ["the cytosol", "the rough endoplasmic reticulum", "the Golgi apparatus"]],
  ["In Hardy-Weinberg equilibrium, if the frequency of the recessive allele is 0.3, the frequency of heterozygotes is", "0.42", ["0.09", "0.49", "0.21"]],
  ["A charged particle moving parallel to a uniform magnetic field experiences", "no magnetic force", ["a force along the field", "a force opposite to its velocity", "circular motion"]],
  ["The conjugate base of H2PO4- is", "HPO4 2-", ["H3PO4", "PO4 3-", "H2O"]],
  ["Which hormone is secreted by the posterior pituitary?", "oxytocin", ["growth hormone", "prolactin", "thyroid-stimulating hormone"]],
  ["The most common cause of community-acquired bacterial pneumonia in adults is", "Streptococcus pneumoniae", ["Escherichia coli", "Staphylococcus epidermidis", "Clostridium difficile"]],
  ["The de Broglie wavelength of a particle is inversely proportional to its", "momentum", ["charge", "spin", "temperature"]],
  ["Which type of bond holds the two strands of DNA together?", "hydrogen bonds between bases", ["covalent peptide bonds", "ionic bonds with sodium", "disulfide bridges"]],
  ["At constant pressure, the heat absorbed by a system equals its change in", "enthalpy", ["entropy", "Gibbs free energy", "internal energy"]],
  ["Which neurotransmitter is released at the neuromuscular junction?", "acetylcholine", ["dopamine", "serotonin", "GABA"]],
  ["The escape velocity from a planet depends on", "its mass and radius", ["the mass of the escaping object", "the planet's temperature", "the planet's rotation only"]],
  ["Which of the following is a feature of an SN2 reaction?", "inversion of configuration at the carbon center", ["a carbocation intermediate", "a rate independent of the nucleophile", "racemization"]],
  ["A deficiency of vitamin B12 typically causes", "megaloblastic anemia", ["scurvy", "rickets", "night blindness"]],
  ["In a transformer with more turns on the secondary coil than the primary, the output voltage is", "higher than the input voltage", ["lower than the input voltage", "equal to the input voltage", "always zero"]],
];

// Humanities / social-science MCQ → general.
const humMc: [string, string, string[]][] = [
  ["Which document established the framework of the United States government?", "the Constitution", ["the Magna Carta", "the Federalist Papers", "the Treaty of Paris"]],
  ["The idea that people consent to be governed in exchange for protection is called", "the social contract", ["divine right", "mercantilism", "utilitarianism"]],
  ["Which economist is best known for the concept of the 'invisible hand'?", "Adam Smith", ["John Maynard Keynes", "Karl Marx", "Milton Friedman"]],
  ["In marketing, the 'four Ps' are product, price, place and", "promotion", ["profit", "people", "planning"]],
  ["Which ethical theory judges actions by their consequences?", "consequentialism", ["deontology", "virtue ethics", "divine command theory"]],
  ["The Renaissance began in which country?", "Italy", ["England", "Sweden", "Portugal"]],
  ["Which branch of government interprets the laws in most democracies?", "the judiciary", ["the legislature", "the executive", "the civil service"]],
  ["A tariff is best described as", "a tax on imported goods", ["a subsidy for exporters", "a limit on immigration", "a type of bond"]],
  ["Which philosopher wrote about the 'categorical imperative'?", "Immanuel Kant", ["John Stuart Mill", "David Hume", "Thomas Hobbes"]],
  ["Which of the following is an example of a fiscal policy tool?", "changing government spending", ["setting interest rates", "printing a newspaper", "regulating broadband"]],
  ["In accounting, assets equal liabilities plus", "equity", ["revenue", "expenses", "dividends"]],
  ["Which religion is associated with the Four Noble Truths?", "Buddhism", ["Hinduism", "Islam", "Judaism"]],
  ["The Cold War was mainly a rivalry between the United States and", "the Soviet Union", ["China", "Germany", "Japan"]],
  ["A contract signed under duress is generally", "voidable", ["always valid", "a criminal offense by the victim", "automatically enforceable"]],
  ["Which psychologist is known for the hierarchy of needs?", "Abraham Maslow", ["Sigmund Freud", "B. F. Skinner", "Jean Piaget"]],
  ["Which of the following best defines 'opportunity cost'?", "the value of the next best alternative given up", ["the price paid in cash", "the cost of raw materials", "a tax on profits"]],
  ["The term 'separation of powers' is most associated with", "Montesquieu", ["Machiavelli", "Rousseau", "Confucius"]],
  ["In a business, a SWOT analysis examines strengths, weaknesses, opportunities and", "threats", ["targets", "taxes", "trends"]],
];

// ---------------------------------------------------------------------------------------------
// Logic puzzles → math

const kinds = ["artists", "doctors", "gardeners", "pilots", "students", "musicians", "engineers", "teachers", "cyclists", "chefs", "poets", "scientists", "dancers", "farmers", "lawyers", "athletes", "bakers", "painters"];
const traits = ["patient", "curious", "left-handed", "early risers", "vegetarians", "tall", "bilingual", "careful", "happy", "organized", "creative", "quiet", "ambitious", "kind"];
const things = ["wugs", "blickets", "zorps", "daxes", "glims", "feps", "tovs", "kips", "lurbs", "snarks"];
const props = ["red", "round", "heavy", "shiny", "soft", "fast", "striped", "hollow", "sweet", "noisy"];
const logicAnswer = ["Is the conclusion true, false, or uncertain?", "Does the conclusion follow from the premises?", "Based only on the statements above, is the final claim true, false, or unknown?", "Answer True, False, or Unknown.", "Which of the following must be true?", "Determine whether the conclusion is entailed, contradicted, or neither.", "Explain your reasoning step by step."];

const logic: Gen[] = [
  (p) => {
    const [a, b, c] = [p(kinds), p(traits), p(traits)];
    const x = p(people);
    return `Premises:\nAll ${a} are ${b}.\nNo one who is ${b} is ${c === b ? "impatient" : `un${c}`}.\n${x} is one of the ${a}.\n\nConclusion:\n${x} is ${b}.\n\n${p(logicAnswer)}`;
  },
  (p) => {
    const [a, b, c] = [p(things), p(props), p(props)];
    return `Every ${a.slice(0, -1)} is ${b}. Some ${b} things are ${c}. Nothing that is ${c} is made of glass. Can we conclude that some ${a} are ${c}? ${p(logicAnswer)}`;
  },
  (p) => {
    const [x, y, z] = [p(people), p(people), p(people)];
    return `${x} is taller than ${y}. ${y} is taller than ${z}. ${z} is taller than ${p(["Ken", "Lia", "Ola", "Rui"])}. Who is the second tallest, and how do you know?`;
  },
  (p) => {
    const [a, b] = [p(kinds), p(kinds)];
    const x = p(people);
    return `If someone is one of the ${a}, then they work weekends. If someone works weekends, then they are not one of the ${b}. ${x} is one of the ${b}.\nIs it true that ${x} is one of the ${a}? ${p(logicAnswer)}`;
  },
  (p) => `On an island, knights always tell the truth and knaves always lie. ${p(people)} says: "${p(people)} and I are both knaves." What are the two of them?`,
  (p) => {
    const xs = [p(people), p(people), p(people)];
    return `${xs[0]}, ${xs[1]} and ${xs[2]} each chose a different color: red, green or blue. ${xs[0]} did not choose red. The person who chose blue sits next to ${xs[1]}. ${xs[2]} chose green. Who chose which color?`;
  },
  (p) => {
    const [a, b] = [p(things), p(props)];
    return `Statement 1: Some ${a} are ${b}.\nStatement 2: All ${b} objects are valuable.\nConclusion I: Some ${a} are valuable.\nConclusion II: All ${a} are valuable.\nWhich conclusion(s) logically follow?`;
  },
  (p) => {
    const [a, b, c] = [p(kinds), p(traits), p(traits)];
    const x = p(people);
    return `Context: Everyone who is ${b} is also ${c}. ${x} is either one of the ${a} or ${b}, but not both. ${x} is not ${c}.\nQuestion: Is ${x} one of the ${a}? ${p(logicAnswer)}`;
  },
  (p) => `Five houses stand in a row. The ${p(["green", "white", "yellow"])} house is immediately left of the blue one. The person in the middle house drinks ${p(["milk", "tea", "coffee"])}. The owner of the red house keeps ${p(["birds", "cats", "fish"])}. Using these clues and the rest of the puzzle constraints, explain how to deduce who owns the zebra.`,
  () => `A says: "B is lying." B says: "C is lying." C says: "A and B are both lying." Exactly how many of them are telling the truth? Reason it out.`,
  (p) => {
    const a = p(kinds);
    return `It is known that either all ${a} passed the test or the test was cancelled. The test was not cancelled. ${p(people)} is one of the ${a}. What can be deduced about ${p(people)}? Justify each step.`;
  },
  (p) => `Translate into first-order logic and decide validity: "Every ${p(kinds).slice(0, -1)} who is ${p(traits)} admires some ${p(kinds).slice(0, -1)}. Nobody admires themselves."`,
];

// ---------------------------------------------------------------------------------------------
// Grade-school word problems → math

const word: Gen[] = [
  (p, n) => `${p(people)} buys ${n()} ${p(goods)} at $${n()} each and ${n()} ${p(goods)} at $${n() % 9 + 1}.50 each. How much does ${p(["she", "he"])} spend altogether?`,
  (p, n) => `At ${p(places)}, ${p(people)} sold ${n()} ${p(goods)} in the morning and ${n()} in the afternoon. Each one cost $${n() % 12 + 2}. If the stall costs $${n()} to rent, how much profit was made?`,
  (p, n) => `A ${p(["tank", "pool", "barrel", "bathtub"])} holds ${n() * 10} liters. It is filled at ${n() % 9 + 2} liters per minute. How many minutes does it take to fill it from half full?`,
  (p, n) => `${p(people)} is ${n() % 20 + 5} years old. ${p(people)} is three times as old. How old will ${p(people)} be when ${p(people)} is ${n() % 30 + 30}?`,
  (p, n) => `${p(people)} walks ${n() % 5 + 1} km every day for ${n() % 3 + 2} weeks. How many kilometers does she walk in total?`,
  (p, n) => `A recipe needs ${n() % 4 + 2} cups of flour for ${n() % 10 + 8} cookies. How many cups are needed for ${n() * 3} cookies?`,
  (p, n) => `${p(people)} earns $${n() % 20 + 12} per hour and works ${n() % 10 + 20} hours a week. After paying ${n() % 20 + 10}% in taxes, how much does she take home in ${n() % 3 + 2} weeks?`,
  (p, n) => `There are ${n() + 20} students in a class. ${n() % 10 + 5} of them play soccer, and twice as many play basketball. The rest play no sport. How many play no sport?`,
  (p, n) => `${p(people)} had $${n() * 5}. He spent a quarter of it on ${p(goods)} and half of the remainder on a gift. How much money is left?`,
  (p, n) => `A farmer plants ${n()} rows of ${p(["corn", "beans", "tomatoes", "lettuce"])} with ${n()} plants in each row. A storm destroys ${n() % 30 + 5}% of them. How many plants survive?`,
  (p, n) => `It takes ${p(people)} ${n() % 40 + 10} minutes to ${p(["bike", "walk", "drive"])} to school. If she leaves at 7:${n() % 5 + 1}0 a.m., at what time does she arrive?`,
  (p, n) => `A box of ${n() % 20 + 12} ${p(goods)} costs $${n() % 30 + 10}. How much do ${n() % 50 + 30} ${p(goods)} cost at the same rate?`,
  (p, n) => `${p(people)} scored ${n() + 50}, ${n() + 50} and ${n() + 50} on three tests. What score does she need on the fourth test to average ${n() % 10 + 80}?`,
  (p, n) => `The ${p(["school", "club", "team", "choir"])} raised $${n() * 25} for a trip. Each ticket costs $${n() % 20 + 15} and the bus costs $${n() * 3}. How many members can go?`,
  (p, n) => `${p(people)} drinks ${n() % 6 + 2} glasses of water a day. Each glass is ${n() % 200 + 200} ml. How many liters does he drink in a week?`,
  (p, n) => `A ${p(["shirt", "lamp", "bike", "phone case", "backpack"])} costs $${n() * 4}. It goes on sale for ${n() % 5 + 1}0% off, and then a coupon takes another $${n() % 10 + 1} off. What is the final price?`,
  (p, n) => `${p(people)} has ${n()} more ${p(goods)} than ${p(people)}, who has ${n()}. Together they give away ${n() % 10 + 3}. How many do they have left in total?`,
  (p, n) => `A car uses ${n() % 8 + 5} liters of fuel per 100 km. Fuel costs $${n() % 2 + 1}.${n() % 9}0 per liter. How much does a ${n() * 20} km trip cost?`,
  (p, n) => `In a parking lot there are ${n()} cars and ${n()} motorcycles. How many wheels are there in total?`,
  (p, n) => `${p(people)} reads ${n() % 30 + 10} pages on weekdays and ${n() % 40 + 20} pages on each weekend day. How many pages does she read in ${n() % 3 + 2} weeks?`,
];

// University / theorem-driven math (incl. quantitative finance, CS theory, EE maths) → math.
const thm: Gen[] = [
  (_p, n) => `Let A be the 2x2 matrix [[${n() % 9 + 1}, ${n() % 5}], [${n() % 5}, ${n() % 9 + 1}]]. Find its eigenvalues and determine whether A is diagonalizable.`,
  (p) => `Using ${p(["the Cauchy-Schwarz inequality", "Lagrange multipliers", "the divergence theorem", "Stokes' theorem", "the intermediate value theorem", "Rolle's theorem", "the squeeze theorem", "L'Hôpital's rule", "the ratio test", "the fundamental theorem of calculus"])}, solve the following: find the extreme values of f(x, y) = x^2 + y^2 subject to x + 2y = ${p(["4", "6", "10"])}.`,
  (_p, n) => `What is the number of integer solutions of x + y + z = ${n() + 5} with x, y, z >= 0?`,
  (_p, n) => `Compute the remainder when ${n() + 2}^${n() * 7} is divided by ${[7, 11, 13][n() % 3]}.`,
  (_p, n) => `An investment of $${n() * 1000} earns ${n() % 7 + 2}% interest compounded ${["monthly", "quarterly", "annually"][n() % 3]}. What is it worth after ${n() % 20 + 3} years?`,
  (_p, n) => `A project costs $${n() * 10},000 today and returns $${n() * 3},000 per year for ${n() % 6 + 3} years. At a discount rate of ${n() % 8 + 4}%, what is its net present value? Should it be accepted?`,
  (_p, n) => `How many labelled trees are there on ${n() % 6 + 4} vertices? State the theorem you use.`,
  (p) => `Is the function f(x) = ${p(["x sin(1/x)", "|x|", "x^2 cos(1/x)", "e^{-1/x^2}"])} differentiable at x = 0? Prove your answer.`,
  (_p, n) => `Let X be a Poisson random variable with mean ${n() % 6 + 1}. What is P(X >= 2)?`,
  (_p, n) => `Find the Fourier series of f(x) = x on [-π, π] and use it to evaluate the sum of 1/n^2 for n from 1 to ${n() > 20 ? "infinity" : "∞"}.`,
  (_p, n) => `The signal x(t) = cos(${n() * 10}πt) is sampled at ${n() * 5} Hz. Is there aliasing? What frequency is observed?`,
  (_p, n) => `Solve the recurrence T(n) = ${n() % 4 + 2}T(n/2) + n^${n() % 2 + 1} using the master theorem.`,
  (p) => `Prove that every group of prime order is ${p(["cyclic", "abelian"])}.`,
  (_p, n) => `What is the volume of the solid obtained by rotating y = x^2 for 0 <= x <= ${n() % 4 + 1} about the x-axis?`,
  (_p, n) => `Solve the differential equation y'' + ${n() % 5 + 1}y' + ${n() % 6}y = 0 with y(0) = 1, y'(0) = 0.`,
  (_p, n) => `Given a call option with strike $${n() + 40}, stock price $${n() + 40}, volatility ${n() % 30 + 10}%, risk-free rate ${n() % 5 + 1}% and one year to expiry, estimate its Black-Scholes price.`,
  (_p, n) => `What is the chromatic number of the cycle graph C_${n() % 8 + 3}? Explain.`,
  (_p, n) => `Evaluate lim_{x→0} (sin(${n() % 5 + 2}x) - ${n() % 5 + 2}x) / x^3.`,
  (_p, n) => `How many bit strings of length ${n() % 8 + 6} contain at least three consecutive 1s?`,
  (_p, n) => `A fair die is rolled ${n() % 5 + 3} times. What is the expected number of distinct faces that appear?`,
];

const mathMc: Gen[] = [
  (p, n) => mc(p, n, `What is the value of x if ${n() % 9 + 2}x + ${n()} = ${n() + 60}?`, "x = 8", ["x = 6", "x = 12", "x = 4", "x = 10"]),
  (p, n) => mc(p, n, `The sum of the interior angles of a polygon with ${n() % 8 + 5} sides is`, `${((n() % 8) + 3) * 180} degrees`, ["720 degrees", "900 degrees", "1080 degrees", "540 degrees"]),
  (p, n) => mc(p, n, `Which of the following is a factor of x^2 - ${n() % 5 + 5}x + 6?`, "x - 2", ["x + 3", "x + 6", "x - 5", "x + 1"]),
  (p, n) => mc(p, n, "Let R be a ring with unity. Which of the following statements must be true?", "the additive identity annihilates every element", ["every nonzero element has an inverse", "multiplication is commutative", "R has no zero divisors", "R is finite"]),
  (p, n) => mc(p, n, `If a data set has mean ${n() + 10} and every value is multiplied by 3, the new mean is`, "three times the old mean", ["unchanged", "the old mean plus 3", "one third of the old mean", "nine times the old mean"]),
  (p, n) => mc(p, n, `The probability that two fair coins both land heads is`, "1/4", ["1/2", "1/3", "3/4", "1/8"]),
  (p, n) => mc(p, n, "Which of the following numbers is irrational?", "the square root of 2", ["0.75", "22/7", "the square root of 16", "-3"]),
  (p, n) => mc(p, n, `Find the degree of the field extension Q(sqrt(2), sqrt(3)) over Q.`, "4", ["2", "3", "6", "8"]),
];

// Linear algebra and statistics written with bracketed matrices, vectors and data lists → math.
// The brackets look like code literals; what is asked of them (rank, inverse, median) is maths.
const small = (n: () => number): number => (n() % 11) - 3;
const row = (n: () => number, k: number): string => `[${Array.from({ length: k }, () => small(n)).join(", ")}]`;
const bracketMatrix = (n: () => number, k: number): string => `[${Array.from({ length: k }, () => row(n, k)).join(", ")}]`;
const latexMatrix = (n: () => number, k: number): string =>
  `\\begin{pmatrix} ${Array.from({ length: k }, () => Array.from({ length: k }, () => small(n)).join(" & ")).join(" \\\\ ")} \\end{pmatrix}`;
const anyMatrix = (p: Pick, n: () => number): string => {
  const k = p([2, 2, 3, 3, 4]);
  return p([bracketMatrix, bracketMatrix, latexMatrix])(n, k);
};
const dataList = (n: () => number): string => Array.from({ length: 5 + (n() % 5) }, () => n() + 1).join(", ");
const matrixMath: Gen[] = [
  (p, n) => `${p(["Compute", "Find", "What is", "Determine", "Calculate"])} the ${p(["inverse", "determinant", "rank", "trace", "transpose", "characteristic polynomial", "null space", "eigenvectors", "reduced row echelon form", "LU decomposition"])} of ${p(["", "the matrix ", "A = "])}${anyMatrix(p, n)}${p([".", "?", ". Show your steps.", ""])}`,
  (p, n) => `Let A = ${anyMatrix(p, n)}. ${p(["Is A invertible?", "Is A diagonalizable?", "Is A symmetric positive definite?", "Find a basis for the column space of A.", "What is the dimension of the kernel of A?", "Compute A^2 - 2A.", "Find det(A^T A)."])}`,
  (_p, n) => `Solve the system Ax = b where A = ${bracketMatrix(n, 3)} and b = ${row(n, 3)}.`,
  (p, n) => `${p(["Multiply", "Compute the product of", "What is the product of"])} ${bracketMatrix(n, 2)} and ${bracketMatrix(n, 2)}.`,
  (p, n) => `${p(["Are the vectors", "Determine whether the vectors", "Check if"])} ${row(n, 3)}, ${row(n, 3)} and ${row(n, 3)} ${p(["are linearly independent", "span R^3", "form a basis of R^3"])}.`,
  (p, n) => `Find the ${p(["projection", "angle", "dot product", "cross product", "distance"])} ${p(["of the vector", "between the vectors", "of"])} u = ${row(n, 3)} and v = ${row(n, 3)}.`,
  (p, n) => `${p(["Find", "Compute", "What are"])} the ${p(["mean, median and mode", "variance and standard deviation", "interquartile range", "sample standard deviation", "z-score of the largest value"])} of the data ${p(["set ", ""])}{${dataList(n)}}${p([".", "?"])}`,
  (p, n) => `The ${p(["scores", "heights", "daily temperatures", "waiting times"])} recorded were [${dataList(n)}]. ${p(["What is the median?", "Compute the 90th percentile.", "Is the largest value an outlier by the 1.5 IQR rule?", "What is the range?"])}`,
  (p, n) => `${p(["What is the next term of", "Find a formula for the n-th term of", "Find the sum of the first 20 terms of"])} the sequence ${n()}, ${n() + 40}, ${n() + 80}, ...?`,
  (p, n) => `A Markov chain has transition matrix P = ${bracketMatrix(n, 2)}. ${p(["Find its stationary distribution.", "What is P^2?", "Is the chain irreducible?"])}`,
];

// Non-programming tasks that only ask for their answer in a structured format → general.
const formats = ["JSON", "a JSON object", "a JSON array", "YAML", "CSV", "a markdown table", "XML", "JSON with one key per item"];
const reviewTexts = ["The hotel was clean but the breakfast was cold.", "Best concert of my life, the sound was perfect!", "Delivery took three weeks and the box was damaged.", "It's okay for the price, nothing special.", "The staff went out of their way to help us."];
const structuredOutput: Gen[] = [
  (p) => `${p(["Rate", "Score", "Evaluate"])} each of these ${p(["reviews", "comments", "customer messages"])} from 1 to 5 and ${p(["return", "give", "output"])} the result as ${p(formats)}: 1) "${p(reviewTexts)}" 2) "${p(reviewTexts)}" 3) "${p(reviewTexts)}"`,
  (p) => `List ${p(["three", "five", "four"])} ${p(["novels by Jane Austen", "famous Renaissance painters", "national parks in Canada", "Olympic host cities", "classic jazz albums", "board games for families"])} ${p(["as", "formatted as", "in"])} ${p(formats)} with ${p(["their name and year", "a name and a one-line description", "title, author and year", "name and country"])}.`,
  (p) => `${p(["Turn", "Convert", "Reformat"])} ${p(["this recipe", "these meeting notes", "my travel itinerary", "this shopping list", "the paragraph below"])} into ${p(formats)} with the keys ${p(["ingredients and steps", "attendees, decisions and action_items", "day, city and hotel", "item, quantity and shop", "who, what, when and where"])}: ${p(extractTexts)}`,
  (p) => `${p(["Identify", "Find", "Pull out"])} the ${p(["people, places and dates", "countries mentioned", "products and prices", "main characters"])} in the following ${p(["news article", "story", "text", "announcement"])} and present them as ${p(formats)}. ${p(extractTexts)}`,
  (p) => `Give me ${p(["a weekly meal plan", "a packing list for a beach holiday", "a 3-day itinerary for Rome", "a reading schedule for the summer", "a chore chart for two kids"])} ${p(["as", "in"])} ${p(formats)}.`,
  (p) => `Answer in ${p(formats)} only: ${p(["what are the three primary colors?", "which planets have rings?", "what are the official languages of Switzerland?", "who were the first five presidents of the United States?", "what are the seven continents and their largest countries?"])}`,
  (p) => `${p(["Summarize", "Describe"])} ${p(["the plot of Romeo and Juliet", "the causes of the Great Depression", "the rules of chess", "your ideal vacation", "the life of Marie Curie"])} and return ${p(["a JSON object with the fields summary and key_points", "YAML with a title and three bullet points", "a markdown table of the main events"])}.`,
];

// ---------------------------------------------------------------------------------------------
// Coding

const stubTasks: [string, string, string][] = [
  ["late_deliveries", "deliveries: list, cutoff: int", "Each delivery is a (parcel_id, hour) pair; return the ids of parcels delivered after the cutoff hour, in the original order."],
  ["peak_hours", "readings: list", "Given hourly power readings, return the indices of hours whose reading is higher than both neighbours."],
  ["shelf_capacity", "books: list, width: int", "Books are given by thickness; return how many shelves of the given width are needed when books are placed in order."],
  ["merge_schedules", "a: list, b: list", "Merge two lists of (start, end) meetings and return the combined busy intervals with overlaps joined."],
  ["initials", "full_name: str", "Return the initials of a person's name in upper case, separated by dots, ignoring extra spaces."],
  ["grade_letters", "scores: list", "Map each numeric score to a letter: 90 and above is A, 80 to 89 is B, 70 to 79 is C, anything lower is F."],
  ["trim_playlist", "durations: list, limit: int", "Keep songs from the start of the playlist while the total duration stays within limit seconds; return the kept durations."],
  ["warehouse_moves", "stock: dict, orders: list", "Apply each (item, quantity) order to the stock dictionary and return the items that ran out."],
  ["temperature_swings", "temps: list", "Return the largest rise between a day and any later day, or 0 if the temperature never rises."],
  ["mask_card", "number: str", "Replace all but the last four digits of a card number with '*', keeping spaces where they are."],
  ["tally_votes", "ballots: list", "Each ballot names one candidate; return the winner, breaking ties by alphabetical order."],
  ["split_bill", "total: float, people: int, tip: float", "Return what each person pays, including the tip percentage, rounded up to the cent."],
  ["route_length", "points: list", "Points are (x, y) pairs visited in order; return the total straight-line distance travelled."],
  ["normalize_tags", "tags: list", "Lower-case every tag, strip '#' and whitespace, and return the unique tags in first-seen order."],
  ["bus_transfers", "legs: list", "Each leg is a (line, minutes) pair; count how many times the passenger changes line."],
  ["valid_username", "name: str", "A username is valid when it is 3 to 16 characters of letters, digits or underscores and does not start with a digit."],
  ["rain_buckets", "heights: list", "Given wall heights, return how many units of rain stay trapped between the walls."],
  ["weekday_counts", "dates: list", "Dates are 'YYYY-MM-DD' strings; return a dictionary counting how many fall on each weekday name."],
  ["chunk_text", "text: str, size: int", "Split text into pieces of at most size characters without breaking words; return the list of pieces."],
  ["recipe_scale", "ingredients: dict, factor: float", "Multiply every ingredient amount by factor and round to one decimal place."],
  ["parking_fee", "minutes: int", "The first 30 minutes are free, then each started hour costs 2 units, capped at 20 units per day."],
  ["sensor_gaps", "timestamps: list, max_gap: int", "Return the pairs of consecutive timestamps whose difference is larger than max_gap."],
];
const mbppTasks = [
  "return the indices of all local peaks in a list of temperatures",
  "group a list of words by their first letter into a dictionary",
  "compute the total price of a shopping basket given a price table",
  "check whether a sentence uses every vowel at least once",
  "find the busiest hour in a list of timestamps",
  "convert a duration in seconds into an 'Hh Mm Ss' string",
  "return the longest streak of days with rainfall above a threshold",
  "count how many words in a text are longer than the average word length",
  "merge overlapping time ranges in a list",
  "validate that a list of moves keeps a robot inside a 10 by 10 grid",
  "find the pair of cities with the smallest distance from a list of coordinates",
  "compute the median of the values stored in a dictionary",
  "interleave the characters of two strings",
  "return the running balance of a list of bank transactions",
  "detect whether a list of version strings is sorted",
  "strip HTML tags from a string without using a library",
  "compute the checksum of an ID number using alternating weights",
  "find all anagram groups in a list of words",
  "return the k most frequent words in a text, ignoring case",
  "rank students by score and break ties by name",
  "calculate the number of business days between two dates",
  "decode a run-length encoded string",
  "check whether a grid of numbers forms a magic square",
  "build an adjacency list from a list of edges",
];
const langList = ["Python", "JavaScript", "TypeScript", "Java", "C", "C++", "Go", "Rust", "Ruby", "C#", "Kotlin", "PHP", "Swift"];
const arrayTasks: [string, string][] = [
  ["rotate", "rotates a square matrix 90 degrees clockwise in place"],
  ["transpose", "returns the transpose of a matrix"],
  ["spiral_order", "returns the elements of a matrix in spiral order"],
  ["matmul", "multiplies two matrices given as lists of lists"],
  ["det", "computes the determinant recursively by cofactor expansion"],
  ["flatten", "flattens a nested list of integers"],
  ["max_row", "returns the index of the row with the largest sum"],
  ["set_zeroes", "sets a cell's whole row and column to 0 when it holds 0"],
  ["count_islands", "counts the islands of 1s in a grid"],
  ["prefix_sums", "returns the 2D prefix sums of a grid"],
];
const codingChat: Gen[] = [
  (p) => `Write a python function to ${p(mbppTasks)}.`,
  (p) => `Write a function to ${p(mbppTasks)}.`,
  (p) => `Write a ${p(langList)} program to ${p(mbppTasks)}.`,
  (p) => `${cap(p(mbppTasks))} in ${p(langList)}. Include a few test cases.`,
  (p) => `Can you write me a ${p(langList)} script that ${p(["reads a JSON file and prints the keys", "renames all .jpeg files in a folder to .jpg", "downloads a web page and counts the links", "parses a log file and reports the top 5 IP addresses", "watches a folder and prints new file names", "merges several CSV files into one"])}?`,
  (p) => `What's the difference between ${p(["a list and a tuple in Python", "== and === in JavaScript", "an interface and an abstract class in Java", "a struct and a class in C++", "let and var", "a process and a thread", "stack and heap memory", "TCP and UDP sockets", "a shallow copy and a deep copy"])}?`,
  (p) => `Review this ${p(["Python", "JavaScript"])} code and suggest improvements:\n${p(["def avg(xs):\n    s = 0\n    for x in xs: s += x\n    return s / len(xs)", "function unique(a) {\n  return a.filter((x, i) => a.indexOf(x) === i);\n}", "for i in range(len(items)):\n    if items[i] == target:\n        return i\nreturn -1"])}`,
  (p) => `Why does this throw ${p(["an IndexError", "a NullPointerException", "'undefined is not a function'", "a segmentation fault", "a borrow checker error"])}? ${p(["arr[len(arr)]", "obj.getName().trim()", "items.forEach(x => x.run())", "char *s; strcpy(s, \"hi\");", "let r = &mut v; v.push(1);"])}`,
  (p) => `Explain what this regular expression matches: ${p(["^\\d{3}-\\d{4}$", "^[A-Z][a-z]+(?: [A-Z][a-z]+)*$", "(?<=@)[\\w.]+", "\\b(\\w+)\\s+\\1\\b"])}`,
  (p) => `Design a REST API for ${p(["a to-do list app", "a library catalog", "a URL shortener", "an online bookstore", "a parking garage"])} and write the route handlers in ${p(["Express", "Flask", "FastAPI", "Spring Boot"])}.`,
  (p) => `Implement ${p(["a trie", "a min-heap", "Dijkstra's shortest path", "union-find with path compression", "a thread-safe queue", "binary search on a rotated array", "an LRU cache", "topological sort"])} in ${p(langList)}.`,
  (p) => `How can I speed up this ${p(["pandas", "NumPy", "SQL", "Python"])} code that ${p(["loops over a million rows", "computes pairwise distances", "joins three large tables", "builds a string in a loop"])}?`,
  (p, n) => mc(p, n, p(["Which sorting algorithm has the best worst-case time complexity?", "What is the output of print(2 ** 3 ** 2) in Python?", "Which data structure is used to implement recursion?", "In Java, which keyword prevents a method from being overridden?", "Which of the following is not a valid HTTP method?"]), p(["merge sort", "512", "a stack", "final", "FETCH"]), ["bubble sort", "64", "a queue", "static", "PATCH", "insertion sort", "a heap", "private"]),
  (p) => `Write unit tests with ${p(["pytest", "Jest", "JUnit", "Go's testing package"])} for a function that ${p(mbppTasks)}.`,
  (p) => `Convert this ${p(["Python", "JavaScript"])} snippet to ${p(["Go", "Rust", "TypeScript", "Java"])}: ${p(["nums = [x * x for x in range(10) if x % 2 == 0]", "const total = items.reduce((s, i) => s + i.price, 0);", "with open('a.txt') as f: lines = f.readlines()"])}`,
  // Functions over matrices and lists, with bracketed examples like the maths family's.
  (p, n) => {
    const [name, task] = p(arrayTasks);
    return `Write ${p(["a function", "a Python function", `a ${p(langList)} function`])} ${name}(${p(["matrix", "grid", "nums", "rows"])}) that ${task}. ${p(["Example", "For example", "Test"])}: ${name}(${bracketMatrix(n, p([2, 3]))}) ${p(["->", "should return", "=="])} ${bracketMatrix(n, 2)}`;
  },
];
const stubGen: Gen[] = [
  (p) => {
    const [name, args, doc] = p(stubTasks);
    return `def ${name}(${args}):\n    """${doc}\n    """\n`;
  },
  (p) => {
    const [name, args, doc] = p(stubTasks);
    return `from typing import List, Optional\n\n\ndef ${name}(${args.replace(/: list/g, ": List[int]")}) -> ${p(["int", "bool", "str", "List[int]", "Optional[int]", "float"])}:\n    """ ${doc}\n    >>> ${name}(${p(["[1, 2, 3]", "'abc'", "5", "[]"])})\n    ${p(["True", "3", "'cba'", "[]", "None"])}\n    """\n`;
  },
  (p) => {
    const [name, args, doc] = p(stubTasks);
    return `\ndef ${name}(${args.replace(/: \w+/g, "")}):\n    """\n    ${doc}\n    Examples:\n    ${name}(${p(["[4, 1, 7]", "'Hello'", "12", "[[0, 1], [1, 1]]"])}) ==> ${p(["7", "False", "'hELLO'", "2"])}\n    """\n`;
  },
  (p) => {
    const [name, , doc] = p(stubTasks);
    const camel = name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
    return `/**\n * ${doc}\n * @param {number[]} input\n * @return {number}\n */\nfunction ${camel}(input) {\n  // TODO\n}`;
  },
  (p) => {
    const [name, , doc] = p(stubTasks);
    return `Complete the function below.\n\ndef ${name}(*args):\n    # ${doc}\n    pass`;
  },
  (p) => {
    const [name, args, doc] = p(stubTasks);
    return `def ${name}(${args}):\n    '''\n    ${doc}\n    For example:\n    ${name}(${p(["[2, 4]", "'xyz'", "10"])}) should return ${p(["6", "True", "'zyx'", "0"])}\n    '''`;
  },
];
// Shell questions (asking for a command or explanation) → coding.
const shellTasks = ["find all files larger than 100 MB under /var", "count the lines of every .py file in a project", "replace 'foo' with 'bar' in all .txt files recursively", "list the 10 most recently modified files", "show which process is listening on port 8080", "delete empty directories under the current folder", "extract a .tar.gz archive into /opt", "print the third column of a CSV file", "find files owned by root that are world-writable", "compress every log file older than a week", "sort a file numerically by its second field", "show disk usage of each subdirectory in human-readable form", "copy a directory to a remote server over SSH", "print lines that appear in file1 but not in file2", "rename all files to lowercase"];
const shellQ: Gen[] = [
  (p) => `What is the bash command to ${p(shellTasks)}?`,
  (p) => `Write a one-liner shell command that will ${p(shellTasks)}.`,
  (p) => `How do I ${p(shellTasks)} on Linux?`,
  (p) => `Explain what this command does: ${p(["find . -type f -mtime +7 -exec rm {} \\;", "ps aux | sort -nrk 3 | head -5", "grep -rl 'TODO' src | xargs sed -i 's/TODO/FIXME/g'", "tar -czf backup.tgz --exclude=node_modules .", "awk -F, '{s+=$3} END {print s}' data.csv", "chmod -R 750 /srv/app && chown -R www-data: /srv/app"])}`,
  (p) => `Write a bash script that ${p(shellTasks)} and prints a summary at the end.`,
  (p) => `My shell script fails with "${p(["Permission denied", "command not found", "unary operator expected", "bad substitution", "No such file or directory"])}" when I run it from cron. What's wrong and how do I fix it?`,
];
// SQL questions → coding.
const tablesSql = [["employees", "id, name, department, salary, hired_on"], ["orders", "order_id, customer_id, amount, status, created_at"], ["students", "student_id, name, grade, school"], ["products", "sku, title, category, price, stock"], ["flights", "flight_no, origin, destination, departs_at, seats"]];
const sqlQ: Gen[] = [
  (p) => {
    const [t, cols] = p(tablesSql);
    return `A table named ${t} has the columns ${cols}. Write an SQL query that ${p(["returns the top 5 rows by the numeric column", "counts the rows per category", "finds duplicate names", "returns the average per group, highest first", "deletes rows older than one year", "updates the status of all rows created today"])}.`;
  },
  (p) => `Write a SQL query to find the ${p(["second highest salary", "customers with no orders", "running total of sales per day", "median order amount", "top three products per category"])} from a table ${p(tablesSql)[0]}.`,
  (p) => `Why is my SQL query slow? SELECT * FROM ${p(tablesSql)[0]} WHERE LOWER(name) LIKE '%an%' ORDER BY 1;`,
];

// ---------------------------------------------------------------------------------------------
// Computer use

const osTasksAgent = [
  "count how many files in your home directory end with .log and tell me the number",
  "find out which user owns the largest file in /var/tmp and report the user name",
  "create a user named dev2 with home directory /home/dev2 and add it to the docker group",
  "determine how much free disk space the root partition has, in gigabytes",
  "find the process that is using the most memory and report its PID",
  "set the permissions of every script in ~/bin so only the owner can execute them",
  "count the unique IP addresses in access.log in the current directory",
  "check which services failed to start on this machine and list them",
  "find the total size of all .jpg files under ~/photos",
  "schedule a cron job that runs backup.sh every night at 2 am",
  "find how many lines in /etc/passwd belong to users with a bash login shell",
  "change the hostname of this machine to build-server",
  "extract the archive data.tar.gz in your home directory and count the files inside",
  "report the kernel version running on this system",
  "find every file modified in the last 24 hours in /etc and list their names",
];
const osAgent: Gen[] = [
  (p) => `You are working in a Linux shell. ${cap(p(osTasksAgent))}.`,
  (p) => `Your task is to ${p(osTasksAgent)}. Give the final answer only.`,
  (p) => `In this Ubuntu environment, ${p(osTasksAgent)}.`,
  (p) => `There is a directory called "${p(["reports", "data", "backup", "logs", "projects"])}" in your home folder. ${cap(p(osTasksAgent))}.`,
  (p) => `As the user ${p(["alice", "bob", "ops", "student"])}, ${p(osTasksAgent)}, without using sudo.`,
  (p) => `On this server, ${p(osTasksAgent)} and then write the result to ~/answer.txt.`,
];
const desktopApps: [string, string[]][] = [
  ["LibreOffice Calc", ["make the header row bold and freeze it", "fill column E with the total of columns B to D", "sort the table by the Date column, newest first", "add a bar chart of monthly sales", "highlight cells above 100 in red", "remove duplicate rows from the sheet", "rename Sheet1 to Summary", "format column C as currency with two decimals", "merge the cells A1 to D1 and center the title"]],
  ["LibreOffice Writer", ["change the line spacing of the whole document to 1.5", "insert a table of contents at the top", "set all headings to the font Liberation Serif", "add page numbers in the footer", "turn off autocorrect capitalization", "export the document as PDF to the Desktop"]],
  ["LibreOffice Impress", ["change the background of every slide to white", "add slide numbers", "apply a fade transition to all slides", "move the third slide to the end"]],
  ["GIMP", ["resize the open image to 1024 pixels wide", "convert the image to grayscale", "crop the picture to a square", "increase the brightness of the photo", "make the background transparent and export as PNG", "rotate the image by 90 degrees"]],
  ["VS Code", ["enable word wrap for all files", "change the color theme to a dark theme", "set the tab size to 2 spaces", "install the Python extension", "turn on format on save", "hide the minimap", "open the integrated terminal at the project root"]],
  ["Thunderbird", ["create a filter that moves newsletters to a folder named Reading", "add a signature to my account", "set up an automatic reply while I'm away", "mark all messages in the inbox as read", "export my address book as a CSV file"]],
  ["Chrome", ["set the default search engine to a different provider", "clear cookies for the last hour", "block pop-ups on all sites", "restore the tabs from my last session", "change the download folder to Documents", "turn on the enhanced privacy setting"]],
  ["the file manager", ["show hidden files", "create a folder named Invoices on the Desktop", "move all PDFs from Downloads to Documents", "compress the Projects folder into a zip file"]],
  ["the system settings", ["change the screen resolution to 1920x1080", "set the display to turn off after 10 minutes", "switch the keyboard layout to German", "enable night light", "change the time zone", "increase the mouse pointer size"]],
  ["VLC", ["make the playback speed 1.5x", "turn on subtitles from the file in the same folder", "set the volume to 50%", "take a snapshot of the current frame"]],
];
const deskFrames = ["Can you help me {t} in {a}?", "In {a}, {t}.", "I have {a} open. Please {t}.", "How do I get {a} to {t}? Please just do it for me.", "Could you {t}? I'm using {a}.", "{T} in {a} for me.", "I need you to {t} using {a}.", "Help me {t} in the current {a} window."];
const desktop: Gen[] = [
  (p) => {
    const [a, ts] = p(desktopApps);
    const t = p(ts);
    return p(deskFrames).replace("{a}", a).replace("{T}", cap(t)).replace("{t}", t);
  },
];
const webSites: [string, string[]][] = [
  ["shopping", ["add the cheapest {x} to my wish list", "tell me the total I spent on orders last month", "find the {x} with the best rating and add it to the cart", "cancel my most recent order", "change my default shipping address to {addr}", "leave a 5-star review for the {x} I bought", "show me the order status of my last purchase", "compare the prices of the two most popular {x}s", "how many {x}s did I buy this year?", "find the return policy for the {x} in my last order"]],
  ["forum", ["create a post in the {f} forum titled '{title}'", "reply to the newest thread in {f} saying thanks", "upvote every post by the user with the most karma in {f}", "subscribe to the {f} forum", "tell me how many comments the top post in {f} has", "edit my last comment to fix the typo"]],
  ["code repository", ["open an issue titled '{title}' in the {r} project", "tell me who made the most commits to {r} this month", "star the {r} repository", "create a new branch named feature-login in {r}", "list the open merge requests assigned to me", "add a collaborator to {r} with developer access", "close all issues labeled duplicate in {r}"]],
  ["map", ["how long does it take to walk from {p1} to {p2}?", "find the nearest {poi} to {p1}", "get driving directions from {p1} to {p2}", "tell me the distance between {p1} and {p2}", "which {poi} is closest to {p2}?"]],
  ["admin panel", ["change the price of '{x}' to $19.99", "tell me the top-selling product of last quarter", "disable the customer account with the most failed logins", "create a coupon code for 10% off", "list customers who ordered more than three times", "update the stock of '{x}' to 50 units", "show the total revenue for January"]],
  ["travel site", ["book a hotel in {city} for two nights next weekend", "find the cheapest flight from {city} to Paris in May", "check the cancellation policy of my booking", "filter results to show only places with free breakfast"]],
];
const webFill = (s: string, p: Pick): string =>
  s
    .replace("{x}", p(["water bottle", "desk lamp", "yoga mat", "phone charger", "coffee grinder", "backpack", "blender", "office chair", "laptop stand", "pair of headphones"]))
    .replace("{x}", p(["kettle", "monitor", "notebook"]))
    .replace("{addr}", p(["221 Elm Street", "5 Harbor Road", "48 Pine Avenue"]))
    .replace("{f}", p(["gardening", "photography", "personal finance", "cooking", "cycling", "board games"]))
    .replace("{title}", p(["Question about setup", "Weekly update", "Login fails on mobile", "Best tools for beginners"]))
    .replace("{r}", p(["api-server", "design-system", "mobile-app", "data-pipeline"]))
    .replace("{p1}", p(["the train station", "City Hall", "the university", "the stadium"]))
    .replace("{p2}", p(["the airport", "the museum", "the old harbor", "the central park"]))
    .replace("{poi}", p(["pharmacy", "coffee shop", "gas station", "library"]))
    .replace("{city}", p(["Rome", "Denver", "Osaka", "Lima"]));
const webFrames = ["{T}.", "On the {s} website, {t}.", "Go to the {s} site and {t}.", "{T} on the website.", "Using the {s} web page, {t}.", "Please {t}.", "I'm on the {s} site; {t}."];
const web: Gen[] = [
  (p) => {
    const [s, ts] = p(webSites);
    const t = webFill(p(ts), p);
    return p(webFrames).replace("{s}", s).replace("{T}", cap(t)).replace("{t}", t);
  },
  (p) => `Tell me the ${p(["name", "price", "rating", "number of reviews", "release date", "author"])} of the ${p(["most expensive", "newest", "best-rated", "cheapest", "first"])} ${p(["product", "item", "post", "listing", "repository"])} in the ${p(["electronics", "kitchen", "books", "garden"])} category on the site.`,
];

// ---------------------------------------------------------------------------------------------
// Science: explanations, calculations, biomedical research questions

const sciHowWhy = ["Why is the sky blue?", "Why do objects fall at the same rate in a vacuum?", "How do vaccines create immunity?", "Why does salt lower the freezing point of water?", "How do plants know which way is up?", "What makes some materials magnetic?", "Why do we have seasons?", "How does the heart pump blood?", "Why does metal rust?", "What happens inside a star when it runs out of hydrogen?", "How do bats find insects in the dark?", "Why does a balloon stick to a wall after being rubbed on hair?", "How do bees make honey?", "Why does bread rise?", "What is the difference between weather and climate?", "How do our ears detect sound?", "Why does the moon change shape during the month?", "Why are some animals cold-blooded?", "How do antibiotics kill bacteria?", "What causes earthquakes?"];
const trials = ["Does daily vitamin D supplementation reduce fracture risk in older adults?", "Is early mobilization after hip surgery associated with shorter hospital stays?", "Does mindfulness training lower blood pressure in patients with mild hypertension?", "Are statins associated with improved survival after sepsis?", "Does a low-sodium diet improve outcomes in heart failure?", "Is maternal smoking associated with childhood asthma?", "Can a smartphone app improve adherence to inhaled medication?"];
const sciMore: Gen[] = [
  (p) => p(sciHowWhy),
  (p) => `Question: ${p(trials)}\n\nAbstract: We enrolled ${p(["120", "342", "1,208", "86"])} patients in a ${p(["randomized controlled trial", "prospective cohort study", "retrospective review", "case-control study"])}. The primary outcome was ${p(["mortality at 90 days", "length of stay", "symptom scores", "readmission within 30 days"])}. Patients in the intervention group showed ${p(["a significant reduction", "no significant difference", "a modest improvement"])} compared with controls (p = ${p(["0.03", "0.41", "0.002"])}).\n\nAnswer yes, no or maybe.`,
  (p, n) => `A ${n() % 5 + 1}.0 kg object slides down a frictionless incline of ${n() % 40 + 20} degrees from a height of ${n() % 10 + 2} m. What is its speed at the bottom?`,
  (p, n) => `How many grams of ${p(["NaCl", "KOH", "glucose", "CaCO3"])} are needed to make ${n() * 10} mL of a ${n() % 9 + 1}.0 M solution?`,
  (p, n) => `A ${n() % 9 + 1} μF capacitor is charged to ${n() * 2} V. How much energy does it store?`,
  (p, n) => `Light of wavelength ${n() * 10 + 300} nm strikes a metal with work function ${n() % 4 + 2}.${n() % 9} eV. What is the maximum kinetic energy of the emitted electrons?`,
  (p, n) => `What is the pH of a ${n() % 9 + 1}.0 x 10^-${n() % 4 + 2} M solution of ${p(["NaOH", "HNO3", "HCl", "KOH"])}?`,
  (p, n) => `A satellite orbits Earth at an altitude of ${n() * 50} km. Calculate its orbital period.`,
  (p, n) => `An ${p(["object", "car", "cyclist", "rocket"])} accelerates uniformly from rest to ${n()} m/s in ${n() % 9 + 2} s. How far does it travel?`,
  (p) => `Compare ${p(["aerobic and anaerobic respiration", "DNA and RNA", "prokaryotic and eukaryotic cells", "ionic and covalent bonds", "series and parallel circuits", "nuclear fission and fusion", "mitosis and meiosis", "endothermic and exothermic reactions", "innate and adaptive immunity"])}.`,
  (p) => `What is the function of ${p(["the myelin sheath", "ribosomes", "the ozone layer", "white blood cells", "chlorophyll", "the liver", "red blood cells", "the small intestine", "insulin", "the kidneys"])}?`,
  (p) => `How does ${p(drugs)} work in the body, and what are its common side effects?`,
];

// ---------------------------------------------------------------------------------------------
// General: writing, role-play, extraction, classification, short instructions, trivia, opinion

const gTopics = ["a rainy afternoon", "a lost umbrella", "the first day of school", "moving to a new country", "an old lighthouse", "a friendship that survived distance", "a small-town festival", "learning to cook", "a power outage", "a late train", "a neighborhood garden", "a retired teacher", "a found letter", "a quiet library", "a street musician", "a summer job"];
const gGenres = ["short story", "poem", "sonnet", "fable", "diary entry", "song", "monologue", "travel blog post", "opinion piece", "children's story", "speech", "product review", "letter to the editor"];
const personas = ["a pirate captain", "a Victorian detective", "a cheerful tour guide", "a strict chess coach", "Shakespeare", "a time traveler from 2300", "a grumpy cat", "an ancient Roman senator", "a friendly librarian", "a space station engineer", "a fitness trainer", "a stand-up comedian"];
const extractTexts = ["On 3 May, Priya Nair from Leeds booked two tickets to Oslo for £240.", "The meeting with Carlos Ruiz and Emma Stone (Acme Ltd) was moved to Friday at 10:30 in Room 4B.", "Order #4471: 3 lamps at $25, 1 rug at $120, shipped to Dublin on 12 June.", "Dr. Lin will present at the Boston conference on 9 October; registration closes 1 September."];
const general: Gen[] = [
  (p) => `Write a ${p(gGenres)} about ${p(gTopics)}.`,
  (p) => `Write a ${p(["200-word", "short", "funny", "bittersweet", "rhyming", "suspenseful"])} ${p(gGenres)} about ${p(gTopics)}${p(["", " from the point of view of a child", " in the second person", " without using the letter e"])}.`,
  (p) => `${p(["Pretend you are", "Act as", "You are", "Imagine you are", "Roleplay as"])} ${p(personas)}. ${p(["Introduce yourself", "Give me advice about my week", "Describe your morning", "Answer my questions in character", "Tell me about your greatest adventure"])}.`,
  (p) => `Extract the ${p(["names, dates and places", "prices and quantities", "people and organizations", "key facts"])} from this text and return them as ${p(["JSON", "a table", "a bulleted list"])}: ${p(extractTexts)}`,
  (p) => `Classify the following ${p(["review", "tweet", "email subject", "comment"])} as ${p(["positive, negative or neutral", "spam or not spam", "urgent or not urgent", "a question, complaint or compliment"])}: "${p(["Loved the quick delivery, will order again!", "The app keeps logging me out, so annoying.", "Meeting moved to 3pm.", "Can anyone recommend a good dentist?", "WIN A FREE CRUISE NOW!!!"])}"`,
  (p) => `${p(["Summarize", "Paraphrase", "Shorten", "Simplify"])} this paragraph for a ${p(["ten-year-old", "busy executive", "general audience"])}: ${p(["The committee reviewed the proposal and, after lengthy deliberation, decided to postpone the vote until more community feedback could be gathered.", "Despite a slow start, the festival drew record crowds on its final weekend, thanks largely to good weather and a popular headline act.", "The library will extend its opening hours during exam season and add quiet study rooms on the second floor."])}`,
  (p) => `${p(["Give me", "Suggest", "Come up with", "Brainstorm", "List"])} ${p(["five", "ten", "a few", "some"])} ${p(["names for a bakery", "gift ideas for my grandmother", "icebreaker questions for a team meeting", "themes for a school dance", "ways to reduce stress before exams", "ideas for a rainy-day activity with kids", "taglines for a bicycle shop", "questions to ask at the end of a job interview"])}.`,
  (p) => `${p(["What is your opinion on", "What do you think about", "Discuss the pros and cons of", "Make an argument for and against"])} ${p(["a four-day work week", "banning phones in schools", "remote learning", "social media for teenagers", "tipping culture", "homework for young children", "living in a big city"])}.`,
  (p) => `${p(["Who wrote", "When was", "Where is", "What is the capital of", "Who was the first person to"])} ${p(["Pride and Prejudice", "the Eiffel Tower built", "Machu Picchu", "Canada", "climb Mount Everest", "the Great Wall of China built", "One Hundred Years of Solitude"])}?`,
  (p) => `Rewrite the following to sound more ${p(["professional", "friendly", "confident", "concise", "diplomatic"])}: "${p(["I guess the project is kind of late because stuff happened.", "Hey, send me the file asap.", "We can't do that, sorry.", "Your idea is not good."])}"`,
  (p) => `Translate "${p(["See you tomorrow at the station.", "The museum is closed on Mondays.", "Could you recommend a good restaurant nearby?", "Happy birthday, I hope all your wishes come true."])}" into ${p(["French", "Japanese", "Portuguese", "German", "Korean", "Italian"])}.`,
  (p) => `${p(["Create", "Make", "Plan", "Draft"])} a ${p(["weekly schedule", "study plan", "workout routine", "budget", "packing list", "reading list", "party plan"])} for ${p(["a college student", "a new parent", "a beginner runner", "someone moving abroad", "a family of four", "a small business owner"])}.`,
  (p) => `Write an email to ${p(["my manager", "a client", "my neighbor", "the school principal", "a hotel"])} ${p(["asking for a day off", "apologizing for a delay", "requesting a refund", "following up on an interview", "complaining about noise", "thanking them for their help"])}.`,
  (p) => `Describe ${p(["your ideal weekend", "a sunset over the ocean", "the smell of fresh bread", "a busy market", "the feeling of finishing a marathon"])} in ${p(["three sentences", "vivid detail", "the style of a noir novel", "simple words"])}.`,
  (p) => `Explain the meaning of the idiom "${p(["break the ice", "bite the bullet", "once in a blue moon", "the ball is in your court", "let the cat out of the bag"])}" and use it in a sentence.`,
  (p) => `${p(["What were the causes of", "Summarize the history of", "Why did", "What was the impact of"])} ${p(["the fall of the Roman Empire", "the Industrial Revolution", "the printing press", "the Silk Road", "World War I", "the Renaissance"])}${p(["?", " happen?", " in a paragraph."])}`,
  (p, n) => {
    const [q, r, w] = p(humMc);
    return mc(p, n, q, r, w);
  },
  (p) => `Is it ${p(["rude", "okay", "normal", "a good idea"])} to ${p(["text my boss on the weekend", "skip a friend's wedding", "ask for a raise after six months", "lend money to family", "quit a job without notice"])}?`,
  (p) => `Generate a ${p(["haiku", "riddle", "tongue twister", "joke", "limerick"])} about ${p(["coffee", "Mondays", "a lazy dog", "the ocean", "robots", "autumn leaves"])}.`,
];

// Science multiple choice generators.
const sciMcGen: Gen[] = [
  (p, n) => {
    const [q, r, w] = p(sciMc);
    return mc(p, n, q, r, w);
  },
  (p, n) => {
    const [q, r, w] = p(uniSciMc);
    return mc(p, n, q, r, w);
  },
];
const health: Gen[] = [
  (p) => p(healthQ).replace("{c}", p(conditions)),
  (p) => `What are the side effects of ${p(drugs)}?`,
  (p) => `Can ${p(drugs)} be taken together with ${p(drugs)}?`,
  (p) => `${p(["My son", "My mother", "I", "My friend"])} ${p(["has had a fever for three days", "keeps getting headaches in the morning", "has a rash that won't go away", "feels dizzy when standing up", "has trouble sleeping and feels tired all day"])}. What could cause this and when should we see a doctor?`,
];

// ---------------------------------------------------------------------------------------------
// More families: real-world-flavoured logic, code-search queries, phone-app tasks, named-site
// web tasks, OS questions answered by running commands, everyday-science multiple choice.

const realSubjects = ["The Harbor Museum", "Elm Street Bakery", "The band Silver Lanterns", "The film Northern Lights", "Riverside High School", "The novel The Glass Orchard", "The company Brightwave", "Mount Kessel", "The restaurant Casa Verde", "The Tallis Prize"];
const realPreds = ["is listed as a historic building", "was founded in the 1990s", "won a national award", "is located in a coastal city", "employs more than 100 people", "is popular with tourists", "was directed by a first-time filmmaker", "sells only local products", "is open on Sundays", "has a rooftop garden"];
const realRules = ["Everything that won a national award is reviewed in the press", "If a place is popular with tourists, then it is crowded in summer", "No building listed as historic can be demolished", "Every film directed by a first-time filmmaker is shown at the festival", "All companies that employ more than 100 people must publish a report", "If something sells only local products, it is supported by the council", "Anything located in a coastal city is at risk of flooding"];
const logic2: Gen[] = [
  (p) => {
    const x = p(realSubjects);
    return `Premises:\n${x} ${p(realPreds)}.\n${p(realRules)}.\n${p(realRules)}.\n${x} ${p(realPreds)}.\n\nConclusion:\n${x} ${p(["is crowded in summer", "is reviewed in the press", "cannot be demolished", "is shown at the festival", "must publish a report", "is at risk of flooding"])}.\n\n${p(logicAnswer)}`;
  },
  (p) => `Consider these facts. ${p(realRules)}. ${p(realRules)}. ${p(realSubjects)} ${p(realPreds)}. Based on the facts alone, does it follow that ${p(realSubjects).toLowerCase()} ${p(["is crowded in summer", "is reviewed in the press", "must publish a report"])}? Explain whether it is true, false or uncertain.`,
  (p) => `${p(people)} ${p(["either plays the violin or sings in the choir, but not both", "is a member of the chess club or the drama club", "owns a bicycle only if they live near the park"])}. ${p(["Everyone in the choir practices on Tuesdays", "Members of the drama club never work on Fridays", "People who live near the park walk to work"])}. ${p(people)} ${p(["does not practice on Tuesdays", "works on Fridays", "does not walk to work"])}. What can we logically conclude? Justify each step.`,
];
const codeSearch: Gen[] = [
  (p) => `${p(["python", "javascript", "java", "c#", "golang", "ruby", "php", "pandas", "numpy", "bash"])} ${p(["sort dictionary by value", "remove duplicates from list", "read file line by line", "convert string to datetime", "check if key exists", "get current timestamp", "merge two dicts", "reverse a string", "flatten nested list", "parse json from url", "count occurrences in array", "get file extension", "round to two decimals", "split string by multiple delimiters", "get last element of array", "check if directory exists", "convert list to string", "get size of object in memory", "string to int with default", "iterate over rows"])}`,
  (p) => `${p(["how to", "best way to", "fastest way to"])} ${p(["deep copy an object", "pad a number with zeros", "remove trailing whitespace", "make an http request", "catch multiple exceptions", "read environment variable", "shuffle a list", "format a float"])} in ${p(["python", "javascript", "java", "go", "rust", "c++"])}`,
];
const phoneApps: [string, string[]][] = [
  ["expense tracker", ["record an expense of 42 dollars for groceries today", "how much did I spend on transport this week?", "change the category of yesterday's 15 dollar expense to dining", "delete the income entry from last Monday"]],
  ["calendar", ["create an event called 'Dentist' next Tuesday at 3 pm", "make the event titled 'Standup' repeat every weekday", "move my lunch meeting to Friday", "what's on my schedule tomorrow?"]],
  ["clock", ["set an alarm for 6:45 am on weekdays", "start a 20 minute timer", "delete all alarms", "add London to the world clock"]],
  ["notes", ["create a note titled 'Groceries' with milk, eggs and bread", "pin the note about the trip", "delete the oldest note", "search my notes for 'password'"]],
  ["contacts", ["add a contact named Jordan Lee with the number 555 0142", "call the last person who called me", "mark Alex as a favorite contact", "send a text to Mom saying I'll be late"]],
  ["music player", ["play the playlist called Focus on shuffle", "add the current song to my favorites", "turn on repeat for this album"]],
  ["settings", ["turn on airplane mode", "set screen timeout to 2 minutes", "enable battery saver", "change the ringtone to a quieter one", "connect to the Wi-Fi network named Home"]],
];
const phone: Gen[] = [
  (p) => {
    const [a, ts] = p(phoneApps);
    const t = p(ts);
    return p(["{T}", "In the {a} app, {t}", "Open {a} and {t}", "{T} using the {a} app", "Use my phone to {t}"]).replace("{a}", a).replace("{T}", cap(t)).replace("{t}", t);
  },
];
const brandSites = ["ikea", "imdb", "target", "walmart", "bestbuy", "etsy", "yelp", "zillow", "kayak", "steam", "rottentomatoes", "goodreads", "craigslist", "healthline", "espn", "allrecipes", "nike", "instacart", "uniqlo", "ticketmaster", "weather.com", "cars.com", "indeed", "glassdoor"];
const brandTasks = ["find a sofa under $300 with free delivery", "show reviews of the newest thriller movie", "browse running shoes on sale in size 9", "find a highly rated Thai restaurant open now", "check the price history of a 2-bedroom apartment", "compare round-trip flights for next month", "show the top sellers in strategy games", "find tickets for the next home game", "look up a vegan chili recipe with over 500 ratings", "find remote data analyst jobs posted this week", "add two pillows to the cart", "track the status of my last order", "open the store locator and find the nearest branch", "filter laptops by 16 GB RAM and sort by price"];
const namedWeb: Gen[] = [
  (p) => `${cap(p(brandTasks))} ${p(["in", "on", "at"])} ${p(brandSites)}`,
  (p) => `${p(["Go to", "Open", "Visit", "Use"])} ${p(brandSites)} and ${p(brandTasks)}.`,
];
const osQuestions: Gen[] = [
  (p) => `How many ${p(["hidden files", "empty directories", "symbolic links", "files larger than 1 MB", "executable files", "lines containing 'error'", "users with a login shell"])} are there in ${p(["/usr", "/etc", "your home directory", "/var/log", "the current directory", "/opt"])}? ${p(["Answer with a number.", "(not recursively)", "Count recursively.", ""])}`,
  (p) => `Tell me whether ${p(["git", "docker", "python3", "nginx", "a cron daemon", "npm"])} is installed on this system. Reply 'yes' or 'no'.`,
  (p) => `What is the ${p(["total size", "number of lines", "owner", "last modification time", "permission mode"])} of ${p(["/etc/hosts", "the largest file in /tmp", "~/notes.txt", "the newest log in /var/log"])} on this machine?`,
  () => `Check how many CPU cores and how much memory this machine has, and report both.`,
  (p) => `I need you to ${p(["free up space by removing files in /tmp older than 3 days", "make the script ~/run.sh run at every boot", "stop the service that is listening on port 3000", "add the directory ~/tools to PATH permanently for my user"])}. Do it on this machine.`,
];
const dailySci: [string, string, string[]][] = [
  ["Where is fog most likely to form?", "over a cool lake in the early morning", ["in a hot desert at noon", "inside a heated house", "on a dry mountain top in the afternoon"]],
  ["A seismograph is used to measure", "movements of the ground", ["wind speed", "rainfall", "air pressure"]],
  ["Which of these helps a plant make seeds?", "pollinating insects", ["rocks", "snow", "darkness"]],
  ["Which would most likely absorb the most heat from sunlight?", "a black shirt", ["a white sheet", "a mirror", "a clear glass"]],
  ["What is the best way to slow down erosion on a hillside?", "planting grass and trees", ["removing all plants", "adding more rain", "digging deep holes"]],
  ["Which material would keep a drink cold the longest?", "a foam cup", ["a metal can", "a thin plastic bag", "a glass jar"]],
  ["A student puts a plant in a dark closet. After a week the plant will most likely", "turn pale and weak", ["grow faster", "produce more flowers", "become heavier"]],
  ["Which of these is a learned behavior?", "a dog fetching a ball on command", ["a bird building a nest", "a baby crying", "a spider spinning a web"]],
  ["What happens to a puddle on a sunny day?", "it evaporates", ["it freezes", "it grows larger", "it turns into soil"]],
  ["Animals that hibernate do so mainly to", "save energy when food is scarce", ["grow new fur", "find mates", "escape rain"]],
  ["Which is an example of a nonrenewable resource?", "natural gas", ["sunlight", "wind", "trees"]],
  ["Which object would make the loudest sound when dropped?", "a metal pan on a tile floor", ["a pillow on a bed", "a feather on carpet", "a sponge on grass"]],
];
const dailySciGen: Gen[] = [
  (p, n) => {
    const [q, r, w] = p(dailySci);
    return mc(p, n, q, r, w);
  },
  (p, n) => {
    const [q, r, w] = p(sciMc);
    return mc(p, n, q.replace(/\?$/, ":"), r, w);
  },
];

// ---------------------------------------------------------------------------------------------
// Science: study reports full of statistics with a question about what they show. Percentages,
// means and p-values alone look like maths; the question asks what a study found, not for a number.

/** [population, intervention or exposure, comparison, outcome] across research fields. */
const studies: [string, string, string, string][] = [
  ["adults with type 2 diabetes", "a structured walking program", "usual care", "HbA1c at six months"],
  ["children in rural primary schools", "a free breakfast program", "schools without the program", "absenteeism"],
  ["patients undergoing knee replacement", "pre-operative education sessions", "standard information leaflets", "length of hospital stay"],
  ["patients with chronic migraine", "low-dose propranolol", "placebo", "monthly migraine days"],
  ["older adults living alone", "weekly telephone check-ins", "no calls", "depressive symptom scores"],
  ["pregnant women with anemia", "intravenous iron", "oral iron tablets", "hemoglobin at delivery"],
  ["intensive care patients", "early enteral feeding", "delayed feeding", "28-day mortality"],
  ["smokers attempting to quit", "text-message support", "a self-help booklet", "abstinence at 12 weeks"],
  ["dairy herds", "a new teat sealant", "untreated quarters", "the incidence of mastitis"],
  ["wheat plots", "winter cover cropping", "bare fallow", "grain yield"],
  ["stream reaches", "removal of an invasive shrub", "untreated reaches", "native seedling density"],
  ["undergraduate volunteers", "a week of sleep extension", "habitual sleep", "reaction time on a vigilance task"],
  ["urban households", "portable air purifiers", "sham purifiers", "indoor PM2.5 and asthma symptoms"],
  ["hospital wards", "copper-coated surfaces", "standard surfaces", "bacterial contamination of bed rails"],
  ["coral colonies", "shading during heat waves", "unshaded colonies", "bleaching severity"],
  ["concrete specimens", "recycled glass aggregate", "natural sand", "compressive strength at 28 days"],
  ["mice fed a high-fat diet", "an intermittent fasting schedule", "ad libitum feeding", "insulin sensitivity"],
  ["emergency department visits", "a triage nurse protocol", "physician-only triage", "time to antibiotics"],
  ["adolescents with obesity", "a family-based lifestyle program", "dietary advice alone", "body mass index z-score"],
  ["nursing home residents", "vitamin D supplementation", "placebo", "the rate of falls"],
];
const designs = ["randomized controlled trial", "prospective cohort study", "retrospective cohort study", "cross-sectional survey", "case-control study", "cluster-randomized trial", "field experiment", "pilot study"];
/** `base + tenths / 10` with two decimals, as a paper prints a ratio. */
const dec = (tenths: number, base: number): string => (base + tenths / 10).toFixed(2);
const resultLines: Gen[] = [
  (p, n) => `The mean change was ${n() % 9}.${n() % 10} ± ${n() % 5 + 1}.${n() % 10} in the intervention group and ${n() % 4}.${n() % 10} ± ${n() % 5 + 1}.${n() % 10} in the comparison group (p = 0.0${n() % 9 + 1}).`,
  (p, n) => `The outcome occurred in ${n() + 10} of ${n() * 3 + 100} participants (${n() % 30 + 5}.${n() % 10}%) versus ${n() + 20} of ${n() * 3 + 100} (${n() % 30 + 10}.${n() % 10}%); adjusted odds ratio ${dec(n() % 15, 0.3)}, 95% CI ${dec(n() % 5, 0.2)}-${dec(n() % 9, 1.1)}.`,
  (p, n) => `After adjustment for age, sex and baseline values, the hazard ratio was ${dec(n() % 12, 0.4)} (95% confidence interval ${dec(n() % 4, 0.3)} to ${dec(n() % 8, 1)}; p ${p(["< 0.001", "= 0.04", "= 0.21", "= 0.62"])}).`,
  (p, n) => `Median ${p(["values", "scores", "levels"])} were ${n()} (interquartile range ${n() % 20}-${n() + 20}) and ${n()} (${n() % 20}-${n() + 25}) respectively, a difference that was ${p(["statistically significant", "not statistically significant", "significant only in the per-protocol analysis"])}.`,
  (p, n) => `Follow-up was complete for ${n() % 15 + 84}% of participants over a median of ${n() % 30 + 6} months; ${n() % 20 + 3} adverse events were reported, ${n() % 3} of them serious.`,
];
const studyQuestion: ((st: [string, string, string, string]) => string)[] = [
  ([pop, int, , out]) => `Does ${int} improve ${out} in ${pop}?`,
  ([pop, int, , out]) => `Is ${int} associated with ${out} among ${pop}?`,
  ([, int, cmp, out]) => `Is ${int} better than ${cmp} for ${out}?`,
  ([, int, , out]) => `What can be concluded about the effect of ${int} on ${out}?`,
  () => `Is the difference clinically meaningful as well as statistically significant?`,
  () => `What are the main limitations of this study design, and how do they affect the conclusion?`,
];
function studyReport(p: Pick, n: () => number, st: [string, string, string, string]): string {
  const [pop, int, cmp, out] = st;
  const lines = [
    `We conducted a ${p(designs)} of ${n() * 20 + 40} ${pop} between ${2005 + (n() % 12)} and ${2018 + (n() % 6)}.`,
    p([`Participants were assigned to ${int} (n = ${n() * 5 + 30}) or ${cmp} (n = ${n() * 5 + 30}).`, `Exposure to ${int} was compared with ${cmp}.`, `The intervention was ${int}; the comparison was ${cmp}.`]),
    `The primary outcome was ${out}.`,
    p(resultLines)(p, n),
    p(resultLines)(p, n),
  ];
  return lines.join(" ");
}
const studyReports: Gen[] = [
  (p, n) => {
    const st = p(studies);
    return `Question: ${p(studyQuestion)(st)}\nContext: ${studyReport(p, n, st)}`;
  },
  (p, n) => {
    const st = p(studies);
    return `Here is a summary of a study:\n\n${studyReport(p, n, st)}\n\n${p(studyQuestion)(st)}`;
  },
  (p, n) => {
    const st = p(studies);
    return `${studyReport(p, n, st)} Based on these results, ${p(studyQuestion)(st).replace(/^./, (c) => c.toLowerCase())}`;
  },
  (p, n) => {
    const st = p(studies);
    return `Abstract: ${studyReport(p, n, st)}\n\nDo the findings support the claim that ${st[1]} changes ${st[3]}? Answer yes, no or maybe and explain briefly.`;
  },
  (p, n) => {
    const st = p(studies);
    return `I read a paper that says: "${studyReport(p, n, st)}" ${p(["Does this mean", "Should I conclude that", "So is it true that"])} ${st[1]} works for ${st[0]}?`;
  },
];

export const STYLE_FAMILIES: Record<string, Family> = {
  logic: { category: "math", count: 200, gens: logic },
  word_problems: { category: "math", count: 200, gens: word },
  theorem: { category: "math", count: 160, gens: thm },
  math_mc: { category: "math", count: 80, gens: mathMc },
  stubs: { category: "coding", count: 180, gens: stubGen },
  code_requests: { category: "coding", count: 220, gens: codingChat },
  shell_questions: { category: "coding", count: 120, gens: shellQ },
  sql_questions: { category: "coding", count: 80, gens: sqlQ },
  os_agent: { category: "computer_use", count: 150, gens: osAgent },
  desktop: { category: "computer_use", count: 220, gens: desktop },
  web_tasks: { category: "computer_use", count: 220, gens: web },
  health: { category: "science", count: 220, gens: health },
  science_mc: { category: "science", count: 200, gens: sciMcGen },
  science_more: { category: "science", count: 180, gens: sciMore },
  general_mix: { category: "general", count: 400, gens: general },
  logic_facts: { category: "math", count: 120, gens: logic2 },
  code_search: { category: "coding", count: 150, gens: codeSearch },
  phone_apps: { category: "computer_use", count: 150, gens: phone },
  named_sites: { category: "computer_use", count: 150, gens: namedWeb },
  os_questions: { category: "computer_use", count: 120, gens: osQuestions },
  everyday_science: { category: "science", count: 120, gens: dailySciGen },
  matrix_math: { category: "math", count: 150, gens: matrixMath },
  structured_output: { category: "general", count: 150, gens: structuredOutput },
  study_reports: { category: "science", count: 150, gens: studyReports },
};
