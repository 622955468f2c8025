import { ValidationFailedException } from '../errors/domain.exception';

export interface SortTerm {
  column: string;
  direction: 'ASC' | 'DESC';
}

/**
 * Turns `lastName,-createdAt` into SQL order terms, allowing only the given
 * fields (API name → SQL column expression); an unknown field is a 400 on `sort`.
 */
export function parseSort(sort: string | undefined, allowed: Record<string, string>, fallback: string): SortTerm[] {
  const terms = (sort ?? fallback).split(',').filter(Boolean);
  return terms.map((term) => {
    const desc = term.startsWith('-');
    const name = desc ? term.slice(1) : term;
    const column = allowed[name];
    if (!column) {
      throw ValidationFailedException.field('sort', `cannot sort by "${name}"; use one of: ${Object.keys(allowed).join(', ')}`);
    }
    return { column, direction: desc ? 'DESC' : 'ASC' };
  });
}

export function orderBySql(terms: SortTerm[], tiebreaker: string): string {
  return [...terms.map((t) => `${t.column} ${t.direction}`), tiebreaker].join(', ');
}
