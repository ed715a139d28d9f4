import { expect } from 'chai';
import { compareValues, psEquals, toNumber, typeNameOf, invokeMethod, getProperty, propertyNames } from '../../cmdlets/core/lang.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { PSHashtable } from '../../runtime/values/hashtable.js';
import { SecureString, PSCredential } from '../../runtime/values/secure-string.js';

describe('cmdlets/core/lang adapter', () => {
  it('compareValues never throws and falls back to string order', () => {
    expect(compareValues(null, 1)).to.equal(-1);
    expect(compareValues(2, '10')).to.equal(-1);
    expect(compareValues(5, 'abc')).to.equal(compareValues('5', 'abc'));
    expect(compareValues(PSObject.custom({ a: 2 }), PSObject.custom({ a: 1 }))).to.equal(1);
    expect(compareValues('a', 'A')).to.equal(0);
    expect(compareValues('a', 'A', true)).to.equal(-1);
  });

  it('psEquals follows the left operand, case-insensitive unless asked', () => {
    expect(psEquals('ABC', 'abc')).to.equal(true);
    expect(psEquals('ABC', 'abc', true)).to.equal(false);
    expect(psEquals(1, '1')).to.equal(true);
    expect(psEquals(1, 'x')).to.equal(false);
  });

  it('toNumber returns undefined where [double] would fail', () => {
    expect(toNumber('0x10')).to.equal(16);
    expect(toNumber('x')).to.equal(undefined);
    expect(toNumber(null)).to.equal(0);
  });

  it('names the runtime value classes and reads hashtable keys before members', () => {
    expect(typeNameOf(new SecureString('x'))).to.equal('System.Security.SecureString');
    expect(typeNameOf(new PSCredential('u', new SecureString('p')))).to.equal('System.Management.Automation.PSCredential');
    const h = PSHashtable.from({ Count: 'key wins', a: 1 });
    expect(getProperty(h, 'count')).to.equal('key wins');
    expect(getProperty(PSHashtable.from({ a: 1 }), 'Count')).to.equal(1);
    expect(propertyNames('s')).to.deep.equal(['Length']);
  });

  it('invokeMethod distinguishes a missing method from a failing one', () => {
    expect(invokeMethod(255, 'ToString', ['X2'])).to.deep.equal({ found: true, value: 'FF' });
    expect(invokeMethod(1, 'Nope', [1])).to.deep.equal({ found: false });
    expect(() => invokeMethod('abc', 'Substring', [10])).to.throw();
  });
});
