import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestPathCommand } from '../../cmdlets/core/test-path.js';
import { GetChildItemCommand } from '../../cmdlets/core/get-childitem.js';
import { GetItemCommand } from '../../cmdlets/core/get-item.js';
import { RemoveItemCommand } from '../../cmdlets/core/remove-item.js';
import { NewItemCommand } from '../../cmdlets/core/new-item.js';
import { GetLocationCommand } from '../../cmdlets/core/get-location.js';
import { SetLocationCommand } from '../../cmdlets/core/set-location.js';
import { GetContentCommand } from '../../cmdlets/core/get-content.js';
import { SetContentCommand } from '../../cmdlets/core/set-content.js';
import { AddContentCommand } from '../../cmdlets/core/add-content.js';
import { OutFileCommand } from '../../cmdlets/core/out-file.js';
import { TeeObjectCommand } from '../../cmdlets/core/tee-object.js';
import { CompareObjectCommand } from '../../cmdlets/core/compare-object.js';
import { ProviderRegistry, type ItemProvider } from '../../cmdlets/core/providers.js';
import { pathNotFound } from '../../cmdlets/core/provider-errors.js';
import { PSObject } from '../../runtime/values/psobject.js';
import { FakeContext, run } from './fake-runtime.js';

describe('items and content (FileSystem provider)', () => {
  let dir: string;
  let ctx: FakeContext;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-items-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'b.txt'), 'one\ntwo\nthree\n');
    fs.writeFileSync(path.join(dir, 'a.log'), 'x');
    fs.writeFileSync(path.join(dir, '.hidden'), 'h');
    ctx = new FakeContext();
    ctx.location = dir;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Test-Path: relative and absolute, -PathType, wildcards', async () => {
    const r = await run(TestPathCommand, { Path: ['b.txt', path.join(dir, 'nope'), 'sub', '*.log'] }, { ctx });
    expect(r.output).to.deep.equal([true, false, true, true]);
    expect((await run(TestPathCommand, { Path: ['sub'], PathType: 'Leaf' }, { ctx })).output).to.deep.equal([false]);
    expect((await run(TestPathCommand, { Path: ['b.txt'], PathType: 'Leaf' }, { ctx })).output).to.deep.equal([true]);
  });

  it('Get-ChildItem: directories first, hidden only with -Force, -Name, -File, wildcard', async () => {
    const names = (r: { output: unknown[] }) => r.output.map((o) => (o as PSObject).get('Name'));
    expect(names(await run(GetChildItemCommand, {}, { ctx }))).to.deep.equal(['sub', 'a.log', 'b.txt']);
    expect(names(await run(GetChildItemCommand, { Force: true }, { ctx }))).to.deep.equal(['sub', '.hidden', 'a.log', 'b.txt']);
    expect((await run(GetChildItemCommand, { Name: true }, { ctx })).output).to.deep.equal(['sub', 'a.log', 'b.txt']);
    expect(names(await run(GetChildItemCommand, { File: true }, { ctx }))).to.deep.equal(['a.log', 'b.txt']);
    expect(names(await run(GetChildItemCommand, { Path: ['*.txt'] }, { ctx }))).to.deep.equal(['b.txt']);
    const f = (await run(GetChildItemCommand, { Path: ['b.txt'] }, { ctx })).output[0] as PSObject;
    expect(f.typeNames[0]).to.equal('System.IO.FileInfo');
    expect([f.get('Length'), f.get('Extension'), f.get('BaseName'), f.get('PSIsContainer'), f.get('Mode')]).to.deep.equal([14, '.txt', 'b', false, '-a----']);
  });

  it('Get-ChildItem / Get-Item report a missing path with pwsh\'s text', async () => {
    const r = await run(GetChildItemCommand, { Path: ['missing'] }, { ctx });
    expect(r.errors[0]!.message).to.equal(`Cannot find path '${path.join(dir, 'missing')}' because it does not exist.`);
    expect(r.errors[0]!.fullyQualifiedErrorId).to.equal('PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand');
    expect(r.errors[0]!.category).to.equal('ObjectNotFound');
    const g = await run(GetItemCommand, { Path: ['missing'] }, { ctx });
    expect(g.errors[0]!.fullyQualifiedErrorId).to.equal('PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand');
    expect(((await run(GetItemCommand, { Path: ['sub'] }, { ctx })).output[0] as PSObject).typeNames[0]).to.equal('System.IO.DirectoryInfo');
  });

  it('Set-Location / Get-Location, including "-" to go back', async () => {
    await run(SetLocationCommand, { Path: 'sub' }, { ctx });
    expect(ctx.location).to.equal(path.join(dir, 'sub'));
    const loc = (await run(GetLocationCommand, {}, { ctx })).output[0] as PSObject;
    expect(loc.get('Path')).to.equal(path.join(dir, 'sub'));
    await run(SetLocationCommand, { Path: '-' }, { ctx });
    expect(ctx.location).to.equal(dir);
    const bad = await run(SetLocationCommand, { Path: 'b.txt' }, { ctx });
    expect(bad.errors[0]!.message).to.equal(`Cannot find path '${path.join(dir, 'b.txt')}' because it does not exist.`);
    expect(ctx.location).to.equal(dir);
  });

  it('Get-Content lines, -TotalCount, -Tail, -Raw; Set-Content / Add-Content write utf8 lines', async () => {
    expect((await run(GetContentCommand, { Path: ['b.txt'] }, { ctx })).output).to.deep.equal(['one', 'two', 'three']);
    expect((await run(GetContentCommand, { Path: ['b.txt'], TotalCount: 2 }, { ctx })).output).to.deep.equal(['one', 'two']);
    expect((await run(GetContentCommand, { Path: ['b.txt'], Tail: 1 }, { ctx })).output).to.deep.equal(['three']);
    expect((await run(GetContentCommand, { Path: ['b.txt'], Raw: true }, { ctx })).output).to.deep.equal(['one\ntwo\nthree\n']);
    await run(SetContentCommand, { Path: ['new.txt'], Value: ['a', 1] }, { ctx });
    expect(fs.readFileSync(path.join(dir, 'new.txt'), 'utf8')).to.equal('a\n1\n');
    await run(AddContentCommand, { Path: ['new.txt'] }, { ctx, input: ['b', 'c'] });
    expect(fs.readFileSync(path.join(dir, 'new.txt'), 'utf8')).to.equal('a\n1\nb\nc\n');
    const dirErr = await run(GetContentCommand, { Path: ['sub'] }, { ctx });
    expect(dirErr.errors[0]!.message).to.equal(`Unable to get content because it is a directory: '${path.join(dir, 'sub')}'. Please use 'Get-ChildItem' instead.`);
  });

  it('Out-File writes strings as lines, -Append adds, -Encoding unicode writes a BOM', async () => {
    await run(OutFileCommand, { FilePath: 'out.txt' }, { ctx, input: ['first', 'second'] });
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).to.equal('first\nsecond\n');
    await run(OutFileCommand, { FilePath: 'out.txt', Append: true }, { ctx, input: ['third'] });
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).to.equal('first\nsecond\nthird\n');
    await run(OutFileCommand, { FilePath: 'u.txt', Encoding: 'unicode' }, { ctx, input: ['A'] });
    expect([...fs.readFileSync(path.join(dir, 'u.txt'))]).to.deep.equal([0xff, 0xfe, 0x41, 0, 0x0a, 0]);
  });

  it('Tee-Object passes input through and saves it to a variable', async () => {
    const r = await run(TeeObjectCommand, { Variable: 'saved' }, { ctx, input: [1, 2] });
    expect(r.output).to.deep.equal([1, 2]);
    expect(ctx.variables.get('saved')).to.deep.equal([1, 2]);
  });

  it('New-Item and Remove-Item (children need -Recurse or confirmation)', async () => {
    await run(NewItemCommand, { Path: ['sub'], Name: 'deep', ItemType: 'Directory' }, { ctx });
    await run(NewItemCommand, { Path: ['sub/deep/f.txt'], Value: 'v' }, { ctx });
    expect(fs.readFileSync(path.join(dir, 'sub', 'deep', 'f.txt'), 'utf8')).to.equal('v');
    await run(RemoveItemCommand, { Path: ['sub'] }, { ctx, confirm: false });
    expect(fs.existsSync(path.join(dir, 'sub'))).to.equal(true);
    await run(RemoveItemCommand, { Path: ['sub'], Recurse: true }, { ctx });
    expect(fs.existsSync(path.join(dir, 'sub'))).to.equal(false);
    await run(RemoveItemCommand, { Path: ['*.log'] }, { ctx });
    expect(fs.existsSync(path.join(dir, 'a.log'))).to.equal(false);
  });

  it('dispatches a drive-prefixed path to a registered provider', async () => {
    const reg = new ProviderRegistry();
    const fake: ItemProvider = {
      name: 'Certificate', fullName: 'Microsoft.PowerShell.Security\\Certificate', drives: ['Cert'],
      resolve: (p, base) => (/^cert:/i.test(p) ? p : `${base}\\${p}`).replace(/\//g, '\\').replace(/\\$/, ''), display: (p) => p,
      exists: (p) => /^cert:\\(LocalMachine(\\My)?)?$/i.test(p) || /^cert:$/i.test(p),
      isContainer: () => true,
      getItem: (p) => PSObject.typed('Microsoft.PowerShell.Commands.X509StoreLocation', { Location: p }),
      getChildItems: (p) => { if (!/My$/i.test(p)) throw pathNotFound(p); return [PSObject.typed('X', { Thumbprint: 'AB' })]; },
      childNames: () => ['My'],
      join: (a, b) => `${a}\\${b}`, parent: (p) => p.replace(/\\[^\\]*$/, ''),
    };
    reg.register(fake);
    ctx.services.set('providers', reg);
    const r = await run(GetChildItemCommand, { Path: ['Cert:\\LocalMachine\\My'] }, { ctx });
    expect((r.output[0] as PSObject).get('Thumbprint')).to.equal('AB');
    expect((await run(TestPathCommand, { Path: ['Cert:\\LocalMachine\\My', 'Cert:\\Nope'] }, { ctx })).output).to.deep.equal([true, false]);
    await run(SetLocationCommand, { Path: 'Cert:\\LocalMachine' }, { ctx });
    expect(ctx.location).to.equal('Cert:\\LocalMachine');
    // A relative path now resolves inside the Cert: drive.
    expect((await run(TestPathCommand, { Path: ['My'] }, { ctx })).output).to.deep.equal([true]);
  });
});

describe('Compare-Object', () => {
  it('reports => for difference-only, <= for reference-only, == with -IncludeEqual', async () => {
    const r = await run(CompareObjectCommand, { ReferenceObject: [1, 2, 3], DifferenceObject: [2, 3, 4] });
    expect(r.output.map((o) => `${(o as PSObject).get('InputObject')} ${(o as PSObject).get('SideIndicator')}`)).to.deep.equal(['4 =>', '1 <=']);
    const e = await run(CompareObjectCommand, { ReferenceObject: ['a'], DifferenceObject: ['A'], IncludeEqual: true });
    expect((e.output[0] as PSObject).get('SideIndicator')).to.equal('==');
  });
});
