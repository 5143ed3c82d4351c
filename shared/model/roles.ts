import { z } from 'zod';

/** A member's role in one partnership, most to least capable. */
export const RoleSchema = z.enum(['facilitator', 'editor', 'commenter', 'viewer']);
export type Role = z.infer<typeof RoleSchema>;

/** Every role, most capable first. */
export const roles: readonly Role[] = RoleSchema.options;

/** Things a member may do; each route and socket checks one of these. */
export type Permission =
  | 'workspace.read'
  | 'workspace.edit'
  | 'comment'
  | 'members.manage'
  | 'rounds.run'
  | 'audit.view'
  /** Joining or leaving networks, what the partnership shares with them, and adopting their template changes. */
  | 'network.manage'
  /** Renaming the partnership and correcting its area (the ONS code drives Fingertips matching). */
  | 'partnership.manage';

const grants: Record<Role, readonly Permission[]> = {
  facilitator: [
    'workspace.read',
    'workspace.edit',
    'comment',
    'members.manage',
    'rounds.run',
    'audit.view',
    'network.manage',
    'partnership.manage',
  ],
  editor: ['workspace.read', 'workspace.edit', 'comment'],
  commenter: ['workspace.read', 'comment'],
  viewer: ['workspace.read'],
};

/** Whether a role carries a permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** The roles that carry a permission (for route rules and the authorization matrix). */
export function rolesWith(permission: Permission): Role[] {
  return roles.filter((role) => roleCan(role, permission));
}

/** What a role lets a person do, in plain words for the workspace header and the invitation form. */
export const roleDescriptions: Record<Role, { label: string; summary: string }> = {
  facilitator: {
    label: 'Facilitator',
    summary: 'Edit everything, invite and manage members, run prioritisation rounds, and decide about networks.',
  },
  editor: { label: 'Editor', summary: 'Edit the framework, needs assessment and data mapping, and comment.' },
  commenter: { label: 'Commenter', summary: 'Read everything and add comments; cannot change content.' },
  viewer: { label: 'Viewer', summary: 'Read everything; cannot change content or comment.' },
};
