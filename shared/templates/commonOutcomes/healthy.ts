import { areaBreakdowns, usualBreakdowns, type DomainTemplate } from '../templateTypes.ts';
import { healthyChildhoodIndicators } from './healthyChildhood.ts';

/** Healthy: good physical health from pregnancy onwards. */
export const healthyTemplate: DomainTemplate = {
  domain: 'healthy',
  outcomes: [
    {
      templateId: 'cof.out.healthy.child.1',
      level: 'child',
      statement: 'Babies are born healthy and at a healthy weight',
      description: 'Every baby has the best start, from a healthy pregnancy through their first weeks.',
      ageStages: ['pregnancy', '0-2'],
    },
    {
      templateId: 'cof.out.healthy.child.2',
      level: 'child',
      statement: 'Children grow up at a healthy weight, active and eating well',
      description:
        'Children enjoy good food and play, and are a healthy weight when they start and leave primary school.',
      ageStages: ['3-4', '5-11', '12-16'],
    },
    {
      templateId: 'cof.out.healthy.child.3',
      level: 'child',
      statement: 'Children have healthy teeth and good physical health',
      description: 'Children stay well, recover quickly when ill, and rarely need emergency hospital care.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.healthy.child.4',
      level: 'child',
      statement: 'Young people make informed choices about their health and relationships',
      description:
        'Young people have the knowledge, confidence and services to look after their sexual and physical health.',
      ageStages: ['12-16', '17-19'],
    },
    {
      templateId: 'cof.out.healthy.parent-adult.1',
      level: 'parent-adult',
      statement: 'Parents-to-be have smoke-free, healthy pregnancies',
      description: 'Expectant parents get the support they want to stop smoking and to stay well in pregnancy.',
      ageStages: ['pregnancy'],
    },
    {
      templateId: 'cof.out.healthy.parent-adult.2',
      level: 'parent-adult',
      statement: 'Parents and carers enjoy good physical health and can get the care they need',
      description: 'Adults in families are well, and health services are easy to reach when they are not.',
      ageStages: [],
    },
    {
      templateId: 'cof.out.healthy.parent-carer.1',
      level: 'parent-carer',
      statement: 'Parents and carers feel supported to feed their babies in the way that is right for them',
      description:
        'Parents who want to breastfeed get skilled help to start and carry on; every parent feeds with confidence.',
      ageStages: ['0-2'],
    },
    {
      templateId: 'cof.out.healthy.parent-carer.2',
      level: 'parent-carer',
      statement: 'Parents and carers help their children grow up healthy',
      description:
        'Families have what they need for healthy food, active play, brushing teeth and keeping up with checks.',
      ageStages: ['0-2', '3-4', '5-11'],
    },
    {
      templateId: 'cof.out.healthy.system.1',
      level: 'system',
      statement: 'Every baby and child gets the screening, checks and immunisations they are due',
      description: 'Services reach every family, especially those who find them hardest to use.',
      ageStages: ['0-2', '3-4', '5-11'],
    },
    {
      templateId: 'cof.out.healthy.system.2',
      level: 'system',
      statement: 'Health services reach families early, where need is greatest',
      description: 'Primary and community care help families early, so fewer children need emergency care.',
      ageStages: [],
    },
  ],
  indicators: [
    {
      templateId: 'cof.ind.healthy.smoking-at-delivery',
      name: 'Smoke-free pregnancies',
      definition: 'Mothers known to be smokers at the time they give birth.',
      outcomes: ['cof.out.healthy.parent-adult.1', 'cof.out.healthy.child.1'],
      metrics: [
        {
          templateId: 'cof.met.healthy.smoking-at-delivery',
          name: 'Smoking at time of delivery',
          definition: 'Mothers known to be smokers at the time of delivery, as a % of maternities with known status.',
          unit: '%',
          polarity: 'lower-is-better',
          source: 'OHID',
          fingertipsId: '93085',
          frequency: 'annual',
          breakdowns: areaBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.healthy.low-birth-weight',
      name: 'Healthy birth weight',
      definition: 'Babies born at term (37 weeks or more) weighing under 2,500 grams.',
      outcomes: ['cof.out.healthy.child.1'],
      metrics: [
        {
          templateId: 'cof.met.healthy.low-birth-weight-term',
          name: 'Low birth weight of term babies',
          definition: 'Live term births under 2,500 g, as a % of all live term births.',
          unit: '%',
          polarity: 'lower-is-better',
          source: 'OHID/ONS',
          fingertipsId: '20101',
          frequency: 'annual',
          breakdowns: usualBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.healthy.first-feed',
      name: 'Breastmilk at the first feed',
      definition: 'Babies whose first feed is breastmilk.',
      outcomes: ['cof.out.healthy.parent-carer.1'],
      metrics: [
        {
          templateId: 'cof.met.healthy.first-feed-breastmilk',
          name: 'Baby’s first feed breastmilk',
          definition: 'Babies whose first feed was breastmilk, as a % of births with a known first feed.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'OHID',
          fingertipsId: '20201',
          frequency: 'annual',
          breakdowns: areaBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.healthy.breastfeeding-6-8-weeks',
      name: 'Breastfeeding at 6 to 8 weeks',
      definition: 'Babies who are totally or partially breastfed at their 6 to 8 week review.',
      outcomes: ['cof.out.healthy.parent-carer.1'],
      metrics: [
        {
          templateId: 'cof.met.healthy.breastfeeding-6-8-weeks',
          name: 'Breastfeeding prevalence at 6 to 8 weeks',
          definition: 'Infants totally or partially breastfed at 6 to 8 weeks, as a % of infants due a review.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'OHID',
          fingertipsId: '92517',
          frequency: 'quarterly',
          breakdowns: areaBreakdowns,
        },
      ],
    },
    {
      templateId: 'cof.ind.healthy.blood-spot-screening',
      name: 'Newborn blood spot screening',
      definition: 'Babies screened in time for the rare conditions the newborn blood spot test finds.',
      outcomes: ['cof.out.healthy.system.1'],
      metrics: [
        {
          templateId: 'cof.met.healthy.blood-spot-coverage',
          name: 'Newborn blood spot screening coverage',
          definition: 'Eligible babies with a conclusive blood spot result by 17 days, as a %.',
          unit: '%',
          polarity: 'higher-is-better',
          source: 'OHID',
          fingertipsId: '91323',
          frequency: 'annual',
          breakdowns: areaBreakdowns,
        },
      ],
    },
    ...healthyChildhoodIndicators,
  ],
};
