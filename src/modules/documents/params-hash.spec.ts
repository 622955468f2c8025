import { canonicalJson, paramsHash } from './params-hash';

describe('params hash', () => {
  it('ignores key order and undefined values, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(paramsHash('k', 'u', { a: 1, b: 2 })).toBe(paramsHash('k', 'u', { b: 2, a: 1 }));
  });

  it('differs by kind, requester and value', () => {
    const base = paramsHash('k', 'u', { a: 1 });
    expect(paramsHash('k2', 'u', { a: 1 })).not.toBe(base);
    expect(paramsHash('k', 'u2', { a: 1 })).not.toBe(base);
    expect(paramsHash('k', null, { a: 1 })).not.toBe(base);
    expect(paramsHash('k', 'u', { a: '1' })).not.toBe(base);
  });
});
