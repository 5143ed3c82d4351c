import { areaBreakdowns, schoolBreakdowns, usualBreakdowns, type DomainTemplate } from '../templateTypes.ts';
import { learningSchoolIndicators } from './learningSchool.ts';

/** Learning: developing well, ready for school, attending, achieving and enjoying learning. */
export const learningTemplate: DomainTemplate = {
  domain: 'learning',
  outcomes: [
    {
      templateId: 'cof.out.learning.child.1',
      level: 'child',
      statement: 'Babies and young children develop well, communicating, moving and playing',
      description: 'Toddlers are talking, moving, playing and relating to others as expected for their age.',
      ageStages: ['0-2', '3-4'],
    },
    {
      templateId: 'cof.out.learning.child.2',
      level: 'child',
      statement: 'Children start school ready to learn and thrive',
      description: 'Children reach a good level of development by the end of Reception, whatever their background.',
      ageStages: ['3-4', '5-11'],
    },
    {
      templateId: 'cof.out.learning.child.3',
      level: 'child',
      statement: 'Children and young people attend school regularly and enjoy learning',
      description: 'They feel they belong at school, are there most days and stay included in learning.',
      ageStages: ['5-11', '12-16'],
    },
    {
      templateId: 'cof.out.learning.child.4',
      level: 'child',
      statement: 'Children and young people achieve their potential at school and beyond',
      description: 'They leave each stage of education with the skills and qualifications to take their next step.',
      ageStages: ['5-11', '12-16', '17-19', '20-25'],
    },
    {
      templateId: 'cof.out.learning.parent-adult.1',
      level: 'parent-adult',
      statement: 'Parents and carers have opportunities to learn and gain skills and qualifications',
      description: 'Adult learning is within reach, at times and places that fit around family life.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.learning.parent-adult.2',
      level: 'parent-adult',
      statement: 'Parents and carers have the English, literacy and digital skills they want',
      description: 'Adults can read with their children, use online services and speak up for their family.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.learning.parent-carer.1',
      level: 'parent-carer',
      statement: 'Parents and carers support their children’s early learning at home',
      description: 'Families talk, read, sing and play together every day, building a rich home learning environment.',
      ageStages: ['0-2', '3-4'],
    },
    {
      templateId: 'cof.out.learning.parent-carer.2',
      level: 'parent-carer',
      statement: 'Parents and carers use early education and childcare that works for their family',
      description: 'Families know what they are entitled to and take up places that suit their child and their work.',
      ageStages: ['0-2', '3-4'],
    },
    {
      templateId: 'cof.out.learning.parent-carer.3',
      level: 'parent-carer',
      statement: 'Parents and carers work in partnership with schools and settings',
      description: 'Parents feel welcome, informed and involved in their child’s learning and in decisions about it.',
      ageStages: ['3-4', '5-11', '12-16'],
    },
    {
      templateId: 'cof.out.learning.system.1',
      level: 'system',
      statement: 'Every eligible child takes up high-quality early education',
      description: 'Funded places reach the children who would gain most, in settings that are good or better.',
      ageStages: ['0-2', '3-4'],
    },
    {
      templateId: 'cof.out.learning.system.2',
      level: 'system',
      statement: 'Children with special educational needs and disabilities are identified early and well supported',
      description: 'Needs are spotted early and met in local settings, and gaps between groups of children narrow.',
      ageStages: [],
    },
  ],
  indicators: [
    {
      templateId: 'cof.ind.learning.asq-2-years',
      name: 'Development at 2 to 2½ years',
      definition:
        'Children at or above the expected level in all five areas of the Ages and Stages Questionnaire (ASQ-3).',
      outcomes: ['cof.out.learning.child.1', 'cof.out.learning.parent-carer.1'],
      metrics: [
        {
          templateId: 'cof.met.learning.asq-all-five-areas',
          name: 'Children at or above expected level in all five ASQ-3 areas at 2 to 2½ years',
          definition: 'Children reviewed at 2 to 2½ at or above the expected level in all five areas, as a %.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'OHID health visitor metrics',
          fingertipsId: '93436',
          frequency: 'annual',
          breakdowns: areaBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.learning.good-level-of-development',
      name: 'Good level of development at the end of Reception',
      definition:
        'Children at the expected level in the early learning goals that make up a good level of development.',
      outcomes: ['cof.out.learning.child.2'],
      metrics: [
        {
          templateId: 'cof.met.learning.gld-all',
          name: 'Children with a good level of development at the end of Reception',
          definition: 'Children achieving a good level of development in the EYFS profile, as a % of those assessed.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'DfE Early Years Foundation Stage Profile (EYFSP)',
          fingertipsId: '90631',
          frequency: 'annual',
          breakdowns: schoolBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.learning.good-level-of-development-fsm',
      name: 'Good level of development among children eligible for free school meals',
      definition:
        'The same measure for children eligible for free school meals: the gap shows who is being left behind.',
      outcomes: ['cof.out.learning.child.2', 'cof.out.learning.system.2'],
      metrics: [
        {
          templateId: 'cof.met.learning.gld-fsm',
          name: 'Children eligible for free school meals with a good level of development',
          definition: 'Children eligible for free school meals achieving a good level of development, as a %.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'DfE Early Years Foundation Stage Profile (EYFSP)',
          fingertipsId: '90632',
          frequency: 'annual',
          breakdowns: ['Ethnicity', 'Sex'],
        },
      ],
    },
    {
      templateId: 'cof.ind.learning.funded-early-education-2',
      name: 'Funded early education for 2-year-olds',
      definition: 'Eligible 2-year-olds taking up a funded early education place.',
      outcomes: ['cof.out.learning.parent-carer.2', 'cof.out.learning.system.1'],
      metrics: [
        {
          templateId: 'cof.met.learning.funded-2-take-up',
          name: 'Take-up of funded early education at age 2',
          definition: 'Eligible 2-year-olds in a funded place, as a % of those estimated to be eligible.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'DfE Education provision: children under 5',
          fingertipsId: null,
          frequency: 'annual',
          breakdowns: usualBreakdowns,
        },
      ],
    },
    ...learningSchoolIndicators,
  ],
};
