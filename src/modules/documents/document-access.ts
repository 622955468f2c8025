import { Injectable } from '@nestjs/common';
import { isStaff, Scope } from '../../common/auth/scope';
import { DocumentRegistry } from './document-registry';

export interface DocumentScopeFields {
  kind: string;
  requestedBy: string | null;
  municipalityId: string | null;
  learnerId: string | null;
}

/**
 * Who may see a document: its requester, admins and coordinators, and the audience its kind names
 * (a municipality user for documents of its municipality, a learner for its own). Everyone else gets 404.
 * Other modules use this to decide what they show of a document kind.
 */
@Injectable()
export class DocumentAccess {
  constructor(private readonly registry: DocumentRegistry) {}

  canSee(scope: Scope, doc: DocumentScopeFields): boolean {
    if (isStaff(scope) || (doc.requestedBy !== null && doc.requestedBy === scope.userId)) return true;
    const kind = this.registry.get(doc.kind)?.options;
    if (scope.role === 'municipality' && scope.municipalityId && doc.municipalityId === scope.municipalityId) {
      return kind?.audience?.includes('municipality') ?? false;
    }
    if (scope.role === 'learner' && scope.learnerId && doc.learnerId === scope.learnerId) {
      return kind?.audience?.includes('learner') ?? false;
    }
    return false;
  }

  /**
   * The same rule as an SQL condition on the document alias `d`, its values appended to `params`.
   * `all`: staff see every document (lists pass `false` to show only the caller's own).
   */
  whereVisible(scope: Scope, params: unknown[], opts: { alias?: string; all?: boolean } = {}): string {
    const d = opts.alias ?? 'd';
    if (isStaff(scope) && opts.all !== false) return 'TRUE';
    params.push(scope.userId);
    const parts = [`${d}.requested_by = $${params.length}`];
    if (scope.role === 'municipality' && scope.municipalityId) {
      params.push(scope.municipalityId, this.registry.kindsFor('municipality'));
      parts.push(`(${d}.municipality_id = $${params.length - 1} AND ${d}.kind = ANY($${params.length}::text[]))`);
    }
    if (scope.role === 'learner' && scope.learnerId) {
      params.push(scope.learnerId, this.registry.kindsFor('learner'));
      parts.push(`(${d}.learner_id = $${params.length - 1} AND ${d}.kind = ANY($${params.length}::text[]))`);
    }
    return `(${parts.join(' OR ')})`;
  }
}
