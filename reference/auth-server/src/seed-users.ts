import type { DemoUser } from '../../shared/demo-users.js';
import { hashPasswordSync } from './crypto.js';
import type { Store } from './store/index.js';

/** Seeds accounts idempotently; passwords are hashed (scrypt) only for users not stored yet. */
export function seedUsers(store: Store, users: readonly DemoUser[]): void {
  for (const u of users) {
    if (store.users.find(u.id) || store.users.findByUsername(u.username)) continue;
    store.users.insertIfMissing({ id: u.id, username: u.username, name: u.name, email: u.email, passwordHash: hashPasswordSync(u.password) });
  }
}
