import { areaBreakdowns, schoolBreakdowns, type DomainTemplate } from '../templateTypes.ts';

/** Happy: good mental health and wellbeing, secure relationships, people to turn to. */
export const happyTemplate: DomainTemplate = {
  domain: 'happy',
  outcomes: [
    {
      templateId: 'cof.out.happy.child.1',
      level: 'child',
      statement: 'Babies form secure, loving relationships with the people who care for them',
      description: 'Babies are held, talked to and played with, and grow the secure attachments that last a lifetime.',
      ageStages: ['0-2'],
    },
    {
      templateId: 'cof.out.happy.child.2',
      level: 'child',
      statement: 'Children and young people enjoy good mental health and wellbeing',
      description: 'They feel good about themselves, cope with ups and downs, and get help early when they struggle.',
      ageStages: ['5-11', '12-16', '17-19', '20-25'],
    },
    {
      templateId: 'cof.out.happy.child.3',
      level: 'child',
      statement: 'Children and young people feel listened to and have people they trust',
      description: 'They have friends and trusted adults, and their views shape the decisions that affect them.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.happy.parent-adult.1',
      level: 'parent-adult',
      statement: 'Parents and carers enjoy good mental health, during pregnancy and beyond',
      description: 'Adults look after their own wellbeing and get timely help, including specialist perinatal care.',
      ageStages: ['pregnancy', '0-2'],
    },
    {
      templateId: 'cof.out.happy.parent-adult.2',
      level: 'parent-adult',
      statement: 'Parents and carers have friends, family and community to lean on',
      description:
        'No parent is isolated: they have people and places nearby to share the joys and strains of family life.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.happy.parent-carer.1',
      level: 'parent-carer',
      statement: 'Parents and carers feel confident and enjoy being a parent',
      description: 'Parents trust their own judgement, understand their child’s needs and find joy in family life.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.happy.parent-carer.2',
      level: 'parent-carer',
      statement: 'Families have warm, positive relationships, including between parents who live apart',
      description:
        'Parents manage disagreements well, so children are not caught in conflict between the adults they love.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.happy.system.1',
      level: 'system',
      statement: 'Emotional and mental health support is easy to find and reach early',
      description: 'Children, young people and parents get the right help quickly, without long waits or wrong doors.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.happy.system.2',
      level: 'system',
      statement: 'Services listen to families and respond to what matters to them',
      description: 'Family voice shapes how services are designed, delivered and improved.',
      ageStages: [],
    },
  ],
  indicators: [
    {
      templateId: 'cof.ind.happy.semh-needs',
      name: 'Pupils with social, emotional and mental health needs',
      definition:
        'Pupils whose primary special educational need is social, emotional and mental health. Higher rates can mean ' +
        'more need or better identification, so this carries no judgement.',
      outcomes: ['cof.out.happy.child.2', 'cof.out.happy.system.1'],
      metrics: [
        {
          templateId: 'cof.met.happy.semh-needs',
          name: 'Pupils with social, emotional and mental health as their primary need',
          definition: 'Pupils with SEN support or an EHC plan whose primary need is SEMH, as a % of all pupils.',
          unit: '%',
          polarity: 'no-judgement',
          source: 'DfE special educational needs statistics',
          fingertipsId: null,
          frequency: 'annual',
          breakdowns: schoolBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.happy.adult-depression',
      name: 'Depression among adults',
      definition: 'Adults on GP registers with depression: a proxy for the mental health of parents and carers.',
      outcomes: ['cof.out.happy.parent-adult.1'],
      metrics: [
        {
          templateId: 'cof.met.happy.depression-prevalence',
          name: 'Depression: recorded prevalence, adults',
          definition: 'Patients aged 18 and over with depression recorded on practice registers, as a %.',
          unit: '%',
          polarity: 'no-judgement',
          source: 'Quality and Outcomes Framework (QOF)',
          fingertipsId: '848',
          frequency: 'annual',
          breakdowns: ['GP practice', 'Primary care network'],
        },
      ],
    },
    {
      templateId: 'cof.ind.happy.perinatal-mental-health',
      name: 'Access to perinatal mental health services',
      definition: 'Women and birthing people in contact with specialist community perinatal mental health services.',
      outcomes: ['cof.out.happy.parent-adult.1', 'cof.out.happy.system.1'],
      metrics: [
        {
          templateId: 'cof.met.happy.perinatal-mh-contacts',
          name: 'People accessing specialist perinatal mental health services',
          definition: 'People with at least one contact with specialist perinatal mental health services in the year.',
          unit: 'count',
          polarity: 'higher-is-better',
          source: 'NHS Mental Health Services Data Set (MHSDS)',
          fingertipsId: null,
          frequency: 'annual',
          breakdowns: ['Age group', 'Ethnicity'],
        },
        {
          templateId: 'cof.met.happy.perinatal-mh-access-rate',
          name: 'Perinatal mental health access rate',
          definition: 'People accessing specialist perinatal mental health services, as a % of maternities.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'NHS Mental Health Services Data Set (MHSDS)',
          fingertipsId: null,
          frequency: 'annual',
          breakdowns: ['Age group', 'Ethnicity'],
        },
      ],
    },
    {
      templateId: 'cof.ind.happy.parent-confidence',
      name: 'Parent confidence',
      definition: 'Parents and carers who say they feel confident as a parent after support from the family hub.',
      outcomes: ['cof.out.happy.parent-carer.1', 'cof.out.happy.system.2'],
      metrics: [
        {
          templateId: 'cof.met.happy.parent-confidence',
          name: 'Parents reporting they feel confident as a parent',
          definition: 'Respondents to the family hub survey who agree they feel confident as a parent, as a %.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'Local family hub survey',
          fingertipsId: null,
          frequency: 'annual',
          breakdowns: areaBreakdowns,
        },
      ],
    },
  ],
};
