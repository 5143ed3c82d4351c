import { schoolBreakdowns, type TemplateIndicator } from '../templateTypes.ts';

/** Learning indicators for the school years, kept apart so each data file stays readable. */
export const learningSchoolIndicators: TemplateIndicator[] = [
  {
    templateId: 'cof.ind.learning.persistent-absence',
    name: 'Regular attendance at school',
    definition: 'Pupils who miss 10% or more of their possible sessions are persistently absent.',
    outcomes: ['cof.out.learning.child.3'],
    metrics: [
      {
        templateId: 'cof.met.learning.persistent-absence',
        name: 'Persistent absence',
        definition: 'Pupil enrolments missing 10% or more of possible sessions, as a % of enrolments.',
        unit: '%',
        polarity: 'lower-is-better',
        source: 'DfE pupil absence statistics',
        fingertipsId: null,
        frequency: 'termly',
        breakdowns: schoolBreakdowns,
      },
    ],
  },
  {
    templateId: 'cof.ind.learning.suspensions',
    name: 'Staying included in school',
    definition: 'Pupils suspended from school for a fixed period.',
    outcomes: ['cof.out.learning.child.3'],
    metrics: [
      {
        templateId: 'cof.met.learning.suspension-rate',
        name: 'Suspensions',
        definition: 'Suspensions as a % of pupils on roll.',
        unit: '%',
        polarity: 'lower-is-better',
        source: 'DfE suspensions and permanent exclusions statistics',
        fingertipsId: null,
        frequency: 'termly',
        breakdowns: schoolBreakdowns,
      },
    ],
  },
  {
    templateId: 'cof.ind.learning.key-stage-2',
    name: 'Reading, writing and maths at the end of primary school',
    definition: 'Pupils meeting the expected standard in reading, writing and maths at the end of Key Stage 2.',
    outcomes: ['cof.out.learning.child.4'],
    metrics: [
      {
        templateId: 'cof.met.learning.ks2-expected-standard',
        name: 'Key Stage 2 expected standard in reading, writing and maths',
        definition: 'Pupils at the end of Key Stage 2 meeting the expected standard in all three, as a %.',
        unit: '%',
        polarity: 'higher-is-better',
        source: 'DfE Key Stage 2 attainment',
        fingertipsId: '92672',
        frequency: 'annual',
        breakdowns: schoolBreakdowns,
      },
    ],
  },
  {
    templateId: 'cof.ind.learning.attainment-8',
    name: 'Achievement at 16',
    definition: 'Average achievement of pupils across eight GCSE-level qualifications at the end of Key Stage 4.',
    outcomes: ['cof.out.learning.child.4'],
    metrics: [
      {
        templateId: 'cof.met.learning.attainment-8',
        name: 'Average Attainment 8 score',
        definition: 'Mean Attainment 8 score of pupils at the end of Key Stage 4.',
        unit: 'score',
        polarity: 'higher-is-better',
        source: 'DfE Key Stage 4 performance',
        fingertipsId: '93378',
        frequency: 'annual',
        breakdowns: schoolBreakdowns,
      },
    ],
  },
];
