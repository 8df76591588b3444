/** The badge classes the reference issuer awards in the seed data. */
export interface BadgeDefinition {
  slug: string;
  name: string;
  description: string;
  criteria: string;
  color: string;
  tags: string[];
  alignment: { targetName: string; targetUrl: string; targetDescription: string; targetFramework: string; targetCode: string };
}

const framework = 'Example Digital Skills Framework';

export const BADGE_CATALOG: readonly BadgeDefinition[] = [
  {
    slug: 'data-literacy',
    name: 'Data Literacy',
    description: 'Reads, interprets and questions data presented in tables and charts.',
    criteria: 'Complete the data literacy module and **interpret three public datasets** in a short report.',
    color: '#1f77b4',
    tags: ['data', 'analysis'],
    alignment: {
      targetName: 'Interpret data',
      targetUrl: 'https://example.org/frameworks/digital-skills/interpret-data',
      targetDescription: 'Draw sound conclusions from quantitative information.',
      targetFramework: framework,
      targetCode: 'DS-1.2',
    },
  },
  {
    slug: 'collaboration',
    name: 'Collaboration',
    description: 'Works effectively in a team towards a shared outcome.',
    criteria: 'Contribute to a four-week team project and receive two peer endorsements.',
    color: '#2ca02c',
    tags: ['teamwork'],
    alignment: {
      targetName: 'Team work',
      targetUrl: 'https://example.org/frameworks/digital-skills/team-work',
      targetDescription: 'Share tasks and information in a group.',
      targetFramework: framework,
      targetCode: 'DS-4.1',
    },
  },
  {
    slug: 'public-speaking',
    name: 'Public Speaking',
    description: 'Presents ideas clearly to an audience.',
    criteria: 'Give a ten-minute talk followed by questions, assessed with the public rubric.',
    color: '#d62728',
    tags: ['communication'],
    alignment: {
      targetName: 'Present information',
      targetUrl: 'https://example.org/frameworks/digital-skills/present',
      targetDescription: 'Communicate to an audience with suitable media.',
      targetFramework: framework,
      targetCode: 'DS-3.3',
    },
  },
  {
    slug: 'python-programming',
    name: 'Python Programming',
    description: 'Writes, tests and documents small Python programs.',
    criteria: 'Pass the programming assessment and submit a tested project of at least 200 lines.',
    color: '#9467bd',
    tags: ['programming', 'python'],
    alignment: {
      targetName: 'Program computers',
      targetUrl: 'https://example.org/frameworks/digital-skills/programming',
      targetDescription: 'Design and write programs that solve problems.',
      targetFramework: framework,
      targetCode: 'DS-5.2',
    },
  },
  {
    slug: 'research-methods',
    name: 'Research Methods',
    description: 'Plans and carries out a small research study.',
    criteria: 'Write a research proposal and a report of the completed study.',
    color: '#8c564b',
    tags: ['research'],
    alignment: {
      targetName: 'Investigate',
      targetUrl: 'https://example.org/frameworks/digital-skills/investigate',
      targetDescription: 'Find, evaluate and cite sources.',
      targetFramework: framework,
      targetCode: 'DS-2.4',
    },
  },
  {
    slug: 'project-management',
    name: 'Project Management',
    description: 'Plans, tracks and closes a project on time.',
    criteria: 'Run a project with a written plan, weekly status reports and a closing review.',
    color: '#ff7f0e',
    tags: ['planning', 'management'],
    alignment: {
      targetName: 'Organise work',
      targetUrl: 'https://example.org/frameworks/digital-skills/organise',
      targetDescription: 'Plan and monitor tasks and resources.',
      targetFramework: framework,
      targetCode: 'DS-6.1',
    },
  },
];

export function findBadge(slug: string): BadgeDefinition | undefined {
  return BADGE_CATALOG.find((b) => b.slug === slug);
}
