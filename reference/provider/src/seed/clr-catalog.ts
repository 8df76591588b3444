/** What the reference publisher's seed CLRs record: courses, competencies and co-curricular activities. */

export interface CourseDefinition {
  code: string;
  name: string;
  description: string;
  credits: number;
  fieldOfStudy: string;
}

export interface CompetencyDefinition {
  code: string;
  name: string;
  description: string;
  targetUrl: string;
}

export interface ActivityDefinition {
  code: string;
  name: string;
  description: string;
  role: string;
}

export const COURSES: readonly CourseDefinition[] = [
  { code: 'CS101', name: 'Introduction to Programming', description: 'Variables, control flow, functions and testing in Python.', credits: 4, fieldOfStudy: 'Computer Science' },
  { code: 'MATH140', name: 'Calculus I', description: 'Limits, derivatives and integrals of functions of one variable.', credits: 4, fieldOfStudy: 'Mathematics' },
  { code: 'ENG110', name: 'Academic Writing', description: 'Argument, evidence and citation in academic prose.', credits: 3, fieldOfStudy: 'English' },
  { code: 'STAT200', name: 'Applied Statistics', description: 'Descriptive statistics, inference and regression with real data.', credits: 3, fieldOfStudy: 'Statistics' },
  { code: 'CS220', name: 'Data Structures', description: 'Lists, trees, hash tables and graphs, with complexity analysis.', credits: 4, fieldOfStudy: 'Computer Science' },
  { code: 'HIST150', name: 'World History since 1500', description: 'Global exchanges, empires and revolutions in the modern era.', credits: 3, fieldOfStudy: 'History' },
  { code: 'BIO101', name: 'Principles of Biology', description: 'Cells, genetics, evolution and ecology, with laboratory work.', credits: 4, fieldOfStudy: 'Biology' },
  { code: 'COMM210', name: 'Public Speaking', description: 'Preparing and delivering informative and persuasive talks.', credits: 3, fieldOfStudy: 'Communication' },
];

const FRAMEWORK = 'Example Institutional Learning Outcomes';
const cf = (id: string) => `https://example.org/case/items/${id}`;

export const COMPETENCIES: readonly CompetencyDefinition[] = [
  { code: 'ILO-1', name: 'Critical Thinking', description: 'Evaluates evidence and arguments to reach sound conclusions.', targetUrl: cf('ilo-1') },
  { code: 'ILO-2', name: 'Quantitative Reasoning', description: 'Solves problems with numerical and statistical methods.', targetUrl: cf('ilo-2') },
  { code: 'ILO-3', name: 'Written Communication', description: 'Writes clearly for academic and professional audiences.', targetUrl: cf('ilo-3') },
  { code: 'ILO-4', name: 'Teamwork', description: 'Contributes to shared goals and resolves conflict constructively.', targetUrl: cf('ilo-4') },
];

export const ACTIVITIES: readonly ActivityDefinition[] = [
  { code: 'SGA', name: 'Student Government Association', description: 'Elected representative in the student senate.', role: 'Class Senator' },
  { code: 'TUTOR', name: 'Peer Tutoring Programme', description: 'Weekly tutoring of first-year students in mathematics.', role: 'Peer Tutor' },
  { code: 'SERVE', name: 'Community Service Week', description: 'Forty hours of service with local food banks.', role: 'Volunteer' },
  { code: 'DEBATE', name: 'Debate Society', description: 'Competed in regional parliamentary debate tournaments.', role: 'Team Captain' },
];

export const FRAMEWORK_NAME = FRAMEWORK;

/** Letter grades by position, so seed records differ. */
export const GRADES = ['A', 'A-', 'B+', 'B', 'A', 'B+', 'A-', 'B'] as const;

/** Rubric levels of every competency assessment. */
export const RUBRIC_LEVELS = [
  { slug: 'beginning', name: 'Beginning', points: '1' },
  { slug: 'developing', name: 'Developing', points: '2' },
  { slug: 'proficient', name: 'Proficient', points: '3' },
  { slug: 'exemplary', name: 'Exemplary', points: '4' },
] as const;

/** Academic terms, one per seed CLR position (1-based); extra positions reuse the last term. */
export const TERMS = ['Fall 2022', 'Spring 2023', 'Summer 2023', 'Fall 2023', 'Spring 2024', 'Summer 2024', 'Fall 2024', 'Spring 2025'];
