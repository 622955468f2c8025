import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Scope } from '../../common/auth/scope';
import { DOCUMENT_GENERATOR, DocumentAudience, DocumentGenerator, DocumentKindOptions } from './document-generator';
import { DOCUMENT_KINDS, DocumentKindName } from './document-kinds';

export interface RegisteredKind {
  options: DocumentKindOptions;
  generator: DocumentGenerator;
}

/** Problems of a set of generator registrations against DOCUMENT_KINDS (empty: fine). Pure, so it is unit-tested. */
export function registrationProblems(found: Array<{ kind: string; owner: string }>, kinds: readonly string[] = DOCUMENT_KINDS): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string[]>();
  for (const f of found) owners.set(f.kind, [...(owners.get(f.kind) ?? []), f.owner]);
  for (const kind of kinds) if (!owners.has(kind)) problems.push(`document kind ${kind} has no @DocumentGenerator provider`);
  for (const [kind, list] of owners) {
    if (!kinds.includes(kind)) problems.push(`${list.join(', ')} generates ${kind}, which is not listed in DOCUMENT_KINDS`);
    if (list.length > 1) problems.push(`document kind ${kind} has ${list.length} generators: ${list.join(', ')}`);
  }
  return problems;
}

/** Every kind with its generator, found among the providers at startup (in the API and the worker alike). */
@Injectable()
export class DocumentRegistry implements OnModuleInit {
  private readonly kinds = new Map<string, RegisteredKind>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found: Array<{ kind: string; owner: string; entry: RegisteredKind }> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (abstract new (...a: never[]) => unknown) | undefined;
      if (!type || typeof type !== 'function' || !wrapper.instance) continue;
      const options = Reflect.getMetadata(DOCUMENT_GENERATOR, type) as DocumentKindOptions | undefined;
      if (!options) continue;
      found.push({ kind: options.kind, owner: type.name, entry: { options, generator: wrapper.instance as DocumentGenerator } });
    }
    this.registerAll(found.map((f) => ({ ...f.entry, owner: f.owner })));
  }

  /** Validates and takes a set of registrations (startup; service-level tests build a registry this way). */
  registerAll(entries: Array<RegisteredKind & { owner: string }>, kinds: readonly string[] = DOCUMENT_KINDS): void {
    const problems = registrationProblems(entries.map((e) => ({ kind: e.options.kind, owner: e.owner })), kinds);
    if (problems.length) throw new Error(`Document kinds: ${problems.join('; ')}`);
    this.kinds.clear();
    for (const e of entries) this.kinds.set(e.options.kind, { options: e.options, generator: e.generator });
  }

  get(kind: string): RegisteredKind | undefined {
    return this.kinds.get(kind);
  }

  /** Kinds whose documents, besides requester and staff, this audience may see. */
  kindsFor(audience: DocumentAudience): string[] {
    return [...this.kinds.values()].filter((k) => k.options.audience?.includes(audience)).map((k) => k.options.kind);
  }

  /** Kinds the retention cleanup leaves alone. */
  keptKinds(): string[] {
    return [...this.kinds.values()].filter((k) => k.options.keep).map((k) => k.options.kind);
  }

  label(kind: string): string {
    return this.kinds.get(kind)?.options.label ?? kind;
  }

  /** May this caller use the generic POST for the kind? */
  requestable(kind: string, scope: Scope): RegisteredKind | undefined {
    const k = this.kinds.get(kind);
    return k?.options.request?.roles.includes(scope.role) ? k : undefined;
  }

  all(): DocumentKindName[] {
    return [...this.kinds.keys()] as DocumentKindName[];
  }
}
