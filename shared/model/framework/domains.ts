import { domainKeys, levelKeys, type Domain, type Level } from '../../schemas/framework.ts';

/** How a domain or a level is shown to people. */
export interface FrameworkAxisLabel {
  label: string;
  description: string;
}

/** The five domains of the Common Outcomes Framework, with their labels and what each is about. */
export const domains: Readonly<Record<Domain, FrameworkAxisLabel>> = {
  safe: {
    label: 'Safe',
    description: 'Free from harm, abuse, neglect and exploitation; living in safe, secure and stable homes.',
  },
  healthy: {
    label: 'Healthy',
    description: 'Good physical health from pregnancy onwards: healthy births, growth, weight, teeth and habits.',
  },
  happy: {
    label: 'Happy',
    description: 'Good mental health and wellbeing, secure relationships, and people to turn to.',
  },
  learning: {
    label: 'Learning',
    description: 'Developing well in the early years, ready for school, attending, achieving and enjoying learning.',
  },
  engaged: {
    label: 'Engaged',
    description: 'Taking part in family, community, education and work, with enough money to live well.',
  },
};

/** The four levels an outcome is about, in the users' words; babies, children and young people always come first. */
export const levels: Readonly<Record<Level, FrameworkAxisLabel>> = {
  child: {
    label: 'Babies, children and young people',
    description: 'Outcomes for babies, children and young people themselves.',
  },
  'parent-adult': {
    label: 'Parents and carers as adults',
    description: 'Outcomes for those with parental responsibility, as adults in their own right.',
  },
  'parent-carer': {
    label: 'Parents and carers as parents',
    description: 'Outcomes for those with parental responsibility, in their role as parents and carers.',
  },
  system: {
    label: 'Services and the local system',
    description: 'How services and the local system work: cross-cutting service and system measures.',
  },
};

/** The domains in display order. */
export const domainOrder: readonly Domain[] = domainKeys;
/** The levels in display order, child first. */
export const levelOrder: readonly Level[] = levelKeys;

/** The label of a domain, e.g. "Safe". */
export function domainLabel(domain: Domain): string {
  return domains[domain].label;
}

/** The label of a level, e.g. "Babies, children and young people". */
export function levelLabel(level: Level): string {
  return levels[level].label;
}
