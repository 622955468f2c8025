import { ValidationFailedException } from '../errors/domain.exception';

export interface SortTerm {
  column: string;
  direction: 'ASC' | 'DESC';
}

/** `a, coalesce(b, c)` → [`a`, `coalesce(b, c)`]: commas inside parentheses belong to the expression. */
function topLevelColumns(expression: string): string[] {
  const columns: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      columns.push(expression.slice(start, i).trim());
      start = i + 1;
    }
  }
  columns.push(expression.slice(start).trim());
  return columns.filter(Boolean);
}

/**
 * Turns `lastName,-createdAt` into SQL order terms, allowing only the given
 * fields (API name → SQL column expression); an unknown field is a 400 on `sort`.
 * A field that maps to several columns (`l.date, l.start_time`) sorts each of them in the asked direction.
 */
export function parseSort(sort: string | undefined, allowed: Record<string, string>, fallback: string): SortTerm[] {
  const terms = (sort ?? fallback).split(',').map((t) => t.trim()).filter(Boolean);
  return terms.flatMap((term) => {
    const desc = term.startsWith('-');
    const name = desc ? term.slice(1) : term;
    const expression = Object.prototype.hasOwnProperty.call(allowed, name) ? allowed[name] : undefined;
    if (!expression) {
      throw ValidationFailedException.field('sort', `cannot sort by "${name}"; use one of: ${Object.keys(allowed).join(', ')}`);
    }
    return topLevelColumns(expression).map((column): SortTerm => ({ column, direction: desc ? 'DESC' : 'ASC' }));
  });
}

export function orderBySql(terms: SortTerm[], tiebreaker: string): string {
  return [...terms.map((t) => `${t.column} ${t.direction}`), tiebreaker].join(', ');
}
