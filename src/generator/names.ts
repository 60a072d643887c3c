/** Word lists for street, business and facility names (our own, invented). */
import type { Rng } from './rng.ts';

const STREET_WORDS = [
  'Oak', 'Elm', 'Magnolia', 'Pecan', 'Cedar', 'Willow', 'Cypress', 'Bayou', 'Prairie', 'Live Oak',
  'Sabine', 'Brazos', 'Trinity', 'Colorado', 'Guadalupe', 'Lamar', 'Austin', 'Crockett', 'Bowie',
  'Travis', 'Fannin', 'Milam', 'Houston', 'Rusk', 'Polk', 'Dallas', 'Webster', 'Gray', 'Bell',
  'Walker', 'Hadley', 'Tuam', 'Pease', 'Leeland', 'Jefferson', 'Hamilton', 'Chenevert', 'Chartres',
  'Hutchins', 'Bagby', 'Brazos', 'Heights', 'Yale', 'Shepherd', 'Durham', 'Ella', 'Airline',
  'Irvington', 'Hardy', 'Jensen', 'Lyons', 'Navigation', 'Harrisburg', 'Telephone', 'Cullen',
  'Scott', 'Almeda', 'Fondren', 'Hillcroft', 'Gessner', 'Kirkwood', 'Dairy Ashford', 'Eldridge',
  'Wilcrest', 'Bellaire', 'Bissonnet', 'Beechnut', 'Richmond', 'Alief', 'Clay', 'Tanner', 'Hammerly',
  'Long Point', 'Westview', 'Pinemont', 'Tidwell', 'Parker', 'Little York', 'Aldine', 'Mesa',
  'Wallisville', 'Uvalde', 'Woodforest', 'Maxey', 'Freeport', 'Bonita', 'Sunnyside', 'Orem',
  'Airport', 'Reed', 'Holmes', 'Mykawa', 'Edgebrook', 'Fuqua', 'Dixie', 'Belfort', 'Kingspoint',
];
const LOCAL_SUFFIX = ['St', 'Dr', 'Ln', 'Ct', 'Way', 'Pl'];
const ARTERIAL_SUFFIX = ['Rd', 'Blvd', 'Pkwy', 'Ave'];
const BUSINESS_WORDS = ['Gulf', 'Lone Star', 'Bayou City', 'Magnolia', 'Pecan', 'Space City', 'Coastal', 'Prairie', 'Cypress', 'Harbor'];
const BUSINESS_KINDS = ['Grocery', 'Dental', 'Auto Repair', 'Cafe', 'Pharmacy', 'Hardware', 'Office Park', 'Laundry', 'Fitness', 'Bakery', 'Clinic', 'Market', 'Motors', 'Storage', 'Plaza'];
const INDUSTRIAL_KINDS = ['Fabrication', 'Chemicals', 'Plastics', 'Logistics', 'Refining Services', 'Steel', 'Cold Storage', 'Packaging', 'Machine Works'];

/** Name of the street on lattice line `index` (rows and columns use disjoint word offsets). */
export function streetName(index: number, horizontal: boolean, arterial: boolean): string {
  const k = (index / 2 + (horizontal ? 0 : 37)) >>> 0;
  const word = STREET_WORDS[(k * 7919) % STREET_WORDS.length];
  const suffixes = arterial ? ARTERIAL_SUFFIX : LOCAL_SUFFIX;
  return `${word} ${suffixes[(k * 104729) % suffixes.length]}`;
}

export function businessName(rng: Rng, industrial: boolean): string {
  const kinds = industrial ? INDUSTRIAL_KINDS : BUSINESS_KINDS;
  return `${rng.pick(BUSINESS_WORDS)} ${rng.pick(kinds)}`;
}
