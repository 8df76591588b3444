/**
 * Demo accounts seeded into the reference auth server and the reference provider.
 * The `id` is the OAuth subject (`sub`) the auth server reports through introspection,
 * and the key under which the provider keeps each user's records.
 * These passwords are public demo values, printed by `npm run reference`; never reuse them.
 */
export interface DemoUser {
  id: string;
  username: string;
  password: string;
  name: string;
  email: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'urn:example:user:alice',
    username: 'alice',
    password: 'alice-demo-password',
    name: 'Alice Learner',
    email: 'alice@example.com',
  },
  {
    id: 'urn:example:user:bob',
    username: 'bob',
    password: 'bob-demo-password',
    name: 'Bob Student',
    email: 'bob@example.com',
  },
];
