/** The certification-guide requirement of the plan being run (ad-hoc plans count as read). */
export function certRequirement(planId: string): string {
  return planId.includes('write') ? 'OBC21-CERT-provider-write' : 'OBC21-CERT-provider-read';
}

export const CERT_REQUIREMENTS = ['OBC21-CERT-provider-read', 'OBC21-CERT-provider-write'];
