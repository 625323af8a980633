import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { jobHandlers, type JobHandlers } from '@/db/jobs/handlers';
import { createWorker } from '@/db/jobs/worker';
import { applyImport } from '@/db/queries/import-apply';
import {
  changeImport, checkImport, checkImportYielding, commitImport, getImportBatch, listImportBatches, listImportRows, listImportUndoProblems, savedMapping, stageImport, undoImport,
} from '@/db/queries/imports';
import { getJob } from '@/db/queries/jobs';
import type { SessionUser } from '@/db/queries/users';
import type { ImportMode } from '@/db/schema';
import { seedEmptyWorkspace } from '@/db/seed';
import { AppError } from '@/lib/errors';
import { decodeImportFile } from '@/lib/import/decode';
import type { ImportKind, ImportMapping } from '@/lib/import/fields';
import { guessMapping } from '@/lib/import/guess';
import { parseImportText } from '@/lib/import/parse';
import { createTestDb } from './support/db';

// The import engine against a real migrated database, end to end as the screen will drive it: the
// file's bytes decoded, parsed and mapped by lib/import, staged, checked (the report), confirmed,
// and written by the real worker running the `import` job in-process; then undone the same way.

let db: Db;
let admin: SessionUser;
let manager: SessionUser;
let rep: SessionUser;

const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n;

function addUser(name: string, email: string, role: 'admin' | 'manager' | 'rep', active = 1): SessionUser {
  const id = Number(db.$client.prepare(`insert into users (name, email, password_hash, role, active) values (?, ?, 'x', ?, ?)`).run(name, email, role, active).lastInsertRowid);
  return { id, name, email, role };
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia Owner', email: 'owner@example.test', password: 'secret-password' });
  // The migrations queue a one-off rebuild of match keys; these tests start from an empty queue.
  db.$client.prepare('delete from jobs').run();
  admin = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
  manager = addUser('Mia Manager', 'mia@example.test', 'manager');
  rep = addUser('Ana Rivera', 'ana@example.test', 'rep');
});

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(__dirname, 'fixtures/import', name)));

/** What the screen does with a file: decode, parse, guess (or reuse) the mapping, stage, check. */
function prepare(bytes: Uint8Array | string, kind: ImportKind, options: { mode?: ImportMode; fileName?: string; mapping?: ImportMapping<ImportKind>; actor?: SessionUser } = {}) {
  const { text } = typeof bytes === 'string' ? { text: bytes } : decodeImportFile(bytes);
  const parsed = parseImportText(text);
  const mapping = options.mapping ?? savedMapping(db, kind, parsed.headers) ?? guessMapping(kind, parsed.headers);
  const { batchId } = stageImport(
    db,
    { kind, fileName: options.fileName ?? 'file.csv', headers: parsed.headers, rows: parsed.rows, lines: parsed.lines, problems: parsed.problems, mapping, mode: options.mode },
    options.actor ?? admin,
  );
  const counts = checkImport(db, batchId, options.actor ?? admin);
  return { batchId, counts, parsed };
}

/** Runs every queued job with the real handlers (or some replaced), as the worker process would. */
async function drain(handlers: Partial<JobHandlers> = {}) {
  const worker = createWorker({ db, databaseFile: db.$client.name, handlers: { ...jobHandlers, ...handlers }, log: () => undefined });
  while (await worker.runNext());
}

async function importAll(bytes: Uint8Array | string, kind: ImportKind, options: Parameters<typeof prepare>[2] = {}) {
  const prepared = prepare(bytes, kind, options);
  const { jobId } = commitImport(db, prepared.batchId, options.actor ?? admin);
  await drain();
  return { ...prepared, jobId, batch: getImportBatch(db, prepared.batchId, admin)! };
}

const errors = (batchId: number) => listImportRows(db, batchId, { filter: 'error', limit: 100, offset: 0 }, admin).rows.map((r) => ({ line: r.line, reason: r.reason }));

type ContactRow = { id: number; firstName: string; lastName: string; email: string | null; otherEmails: string | null; phone: string | null; otherPhones: string | null; title: string | null; companyId: number | null; ownerId: number | null; source: string | null; address: string | null; notes: string | null; externalId: string | null };
const contactBy = (email: string) =>
  one<ContactRow>(
    `select id, first_name as firstName, last_name as lastName, email, other_emails as otherEmails, phone, other_phones as otherPhones, title, company_id as companyId,
            owner_id as ownerId, source, address, notes, external_id as externalId from contacts where email = ?`,
    email,
  );
const tagsOf = (contactId: number) => all<{ name: string }>('select t.name from contact_tags x join tags t on t.id = x.tag_id where x.contact_id = ? order by t.name', contactId).map((t) => t.name);
const companyName = (id: number | null) => (id === null ? null : one<{ name: string }>('select name from companies where id = ?', id).name);

describe('the shared files import as they are', () => {
  test('datablist-customers-100.csv: contacts with their companies, nothing written before the commit', async () => {
    const { batchId, counts } = prepare(fixture('datablist-customers-100.csv'), 'contacts', { fileName: 'datablist-customers-100.csv' });
    expect(counts).toMatchObject({ create: 100, update: 0, skip: 0, error: 0, duplicates: 0 });
    expect(counts.newCompanies).toBeGreaterThan(90);
    // The report is in; no customer data yet.
    expect([count('contacts'), count('companies'), count('import_changes')]).toEqual([0, 0, 0]);

    const { jobId } = commitImport(db, batchId, admin);
    expect(getImportBatch(db, batchId, admin)!.state).toBe('queued');
    expect(count('contacts')).toBe(0);
    await drain();

    expect(count('contacts')).toBe(100);
    expect(count('companies')).toBe(counts.newCompanies);
    const sheryl = contactBy('zunigavanessa@smith.info');
    expect(sheryl).toMatchObject({ firstName: 'Sheryl', lastName: 'Baxter', phone: '229.077.5154', otherPhones: '397.884.0519x718', address: 'East Leonard, Chile', externalId: 'DD37Cf93aecA6Dc', ownerId: admin.id });
    expect(one('select name, domain from companies where id = ?', sheryl.companyId)).toEqual({ name: 'Rasmussen Group', domain: 'stephenson.com' });
    // "Dominguez, Mcmillan and Donovan": a quoted comma stays in the name.
    expect(companyName(contactBy('stanleyblackwell@benson.org').companyId)).toBe('Dominguez, Mcmillan and Donovan');
    // Match keys are written, so the duplicate finder and the next import see the new records.
    expect(one<{ n: number }>(`select count(*) as n from contact_match_keys where type = 'email'`).n).toBe(100);

    const batch = getImportBatch(db, batchId, admin)!;
    expect(batch).toMatchObject({ state: 'done', fileName: 'datablist-customers-100.csv', createdByName: 'Olivia Owner', committedByName: 'Olivia Owner' });
    expect(batch.counts).toMatchObject({ create: 100, update: 0, skip: 0, error: 0, newCompanies: counts.newCompanies });
    expect(batch.finishedAt).not.toBeNull();
    // Progress was reported on the job, and is still there after a reload.
    expect(getJob(db, jobId)).toMatchObject({ state: 'done', progress: 1, progressMessage: 'Imported 100 of 100 rows' });
    expect(batch.job).toMatchObject({ id: jobId, state: 'done', progress: 1 });
    // The history lists it.
    expect(listImportBatches(db, { limit: 10, offset: 0 }, admin).rows.map((b) => [b.id, b.fileName, b.state])).toEqual([[batchId, 'datablist-customers-100.csv', 'done']]);
  });

  test('datablist-people-100.csv: contacts with job titles and no company', async () => {
    const { batch } = await importAll(fixture('datablist-people-100.csv'), 'contacts');
    expect(batch.counts).toMatchObject({ create: 100, error: 0, newCompanies: 0 });
    expect(contactBy('elijah57@example.net')).toMatchObject({ firstName: 'Shelby', lastName: 'Terrell', title: 'Games developer', phone: '001-084-906-7849x73518', companyId: null, externalId: '88F7B33d2bcf9f5' });
    expect(count('companies')).toBe(0);
  });

  test('datablist-organizations-100.csv: companies, with the description kept as a note', async () => {
    const { batchId, batch } = await importAll(fixture('datablist-organizations-100.csv'), 'companies');
    // Two organizations of the sample share a website (turner.com): the second is reported as the
    // same company, not created twice.
    expect(batch.counts).toMatchObject({ create: 99, skip: 1, duplicates: 1, error: 0 });
    expect(listImportRows(db, batchId, { filter: 'duplicates', limit: 5, offset: 0 }, admin).rows.map((r) => [r.line, r.duplicateOfLine, r.reason])).toEqual([
      [93, 42, 'Same company as line 42 of this file'],
    ]);
    expect(count('companies')).toBe(99);
    const ferrell = one<{ id: number; domain: string; industry: string; size: string; address: string; externalId: string }>(
      `select id, domain, industry, size, address, external_id as externalId from companies where name = 'Ferrell LLC'`,
    );
    expect(ferrell).toMatchObject({ domain: 'price.net', industry: 'Plastics', size: '3498', address: 'Papua New Guinea', externalId: 'FAB0d41d5b5d22c' });
    expect(one('select type, body from activities where company_id = ?', ferrell.id)).toEqual({ type: 'note', body: 'Horizontal empowering knowledgebase' });
    expect(one<{ n: number }>(`select count(*) as n from company_match_keys where type = 'name'`).n).toBe(99);
  });

  test('datablist-leads-100.csv: contacts with companies; owners who are not users are reported, not invented', async () => {
    const bethany = addUser('Bethany Dixon', 'bethany@example.test', 'rep');
    const { batchId, batch } = await importAll(fixture('datablist-leads-100.csv'), 'contacts');
    // Every row is imported; the 99 whose Lead Owner is nobody in Keel carry a warning and go to
    // whoever confirmed the import. No user is created.
    expect(batch.counts).toMatchObject({ create: 100, error: 0, warnings: 99 });
    expect(count('users')).toBe(4);
    const warned = listImportRows(db, batchId, { filter: 'warnings', limit: 1, offset: 0 }, admin).rows[0];
    expect(warned.line).toBe(3);
    expect(warned.warnings[0]).toMatch(/^Unknown owner “Andres Callahan”/);

    expect(contactBy('hatkinson@mclaughlin.com')).toMatchObject({ firstName: 'Victor', lastName: 'Cochran', otherEmails: 'ygibbs@guzman.com', otherPhones: '2754733370', source: 'Retargeting Ads', notes: 'Speak own such.', ownerId: bethany.id });
    expect(companyName(contactBy('hatkinson@mclaughlin.com').companyId)).toBe('Grimes, Madden and Huff');
    expect(contactBy('bshelton@wilkins.org').ownerId).toBe(admin.id);
  });

  test('atomic-crm-contacts-sample.csv: three emails, three phones and tags per row', async () => {
    const { batch } = await importAll(fixture('atomic-crm-contacts-sample.csv'), 'contacts');
    expect(batch.counts).toMatchObject({ create: 2, error: 0, newCompanies: 1 });
    const john = contactBy('john@doe.example');
    expect(john).toMatchObject({ firstName: 'John', lastName: 'Doe', title: 'Sales Executive', otherEmails: 'john.doe@gmail.com\njdoe@caramail.com', phone: '659-980-2015', otherPhones: '740.645.3807\n(446) 758-2122' });
    expect(tagsOf(john.id)).toEqual(['developer', 'influencer']);
    const jane = contactBy('jane@doe.example');
    expect(jane.companyId).toBe(john.companyId);
    expect(tagsOf(jane.id)).toEqual(['UI', 'design']);
  });
});

const CSV = (rows: string[]) => ['First Name,Last Name,Email,Phone,Company,Tags,Notes', ...rows].join('\n');

describe('create, update or skip', () => {
  async function existingAnn() {
    await importAll(CSV(['Ann,Lee,ann@example.com,555-0100,Acme Inc,vip,First note']), 'contacts');
    return contactBy('ann@example.com');
  }

  test('an email in another case and with spaces updates the contact; blank cells leave values alone; tags are added', async () => {
    const ann = await existingAnn();
    const { counts, batch } = await importAll(CSV(['Annie,, ANN@Example.COM ,,,partner,', 'Bob,Stone,bob@example.com,,,,']), 'contacts');
    expect(counts).toMatchObject({ create: 1, update: 1 });
    expect(batch.counts).toMatchObject({ create: 1, update: 1 });
    expect(contactBy('ann@example.com')).toMatchObject({ id: ann.id, firstName: 'Annie', lastName: 'Lee', phone: '555-0100', notes: 'First note', companyId: ann.companyId });
    expect(tagsOf(ann.id)).toEqual(['partner', 'vip']);
  });

  test('a second email joins the other emails; a row matching by its other email finds the contact', async () => {
    const ann = await existingAnn();
    await importAll('First Name,Email 1,Email 2\nAnn,ann@example.com,ann.lee@home.example', 'contacts');
    expect(contactBy('ann@example.com').otherEmails).toBe('ann.lee@home.example');
    const { counts } = prepare('First Name,Email\nAnn,ann.lee@home.example', 'contacts');
    expect(counts).toMatchObject({ create: 0, skip: 1 });
    expect(listImportRows(db, 3, { limit: 1, offset: 0 }, admin).rows[0]).toMatchObject({ action: 'skip', recordId: ann.id, reason: `Contact #${ann.id} already has every value in this row` });
  });

  test('create only skips existing contacts; update only skips new ones', async () => {
    const ann = await existingAnn();
    const file = CSV(['Ann,Lee,ann@example.com,555-0199,,,', 'Bob,Stone,bob@example.com,,,,']);
    const createOnly = await importAll(file, 'contacts', { mode: 'create_only' });
    expect(createOnly.batch.counts).toMatchObject({ create: 1, update: 0, skip: 1 });
    expect(listImportRows(db, createOnly.batchId, { filter: 'skip', limit: 5, offset: 0 }, admin).rows.map((r) => [r.line, r.reason])).toEqual([
      [2, `Already in Keel as contact #${ann.id}, and this import only creates`],
    ]);
    expect(contactBy('ann@example.com').phone).toBe('555-0100');

    const updateOnly = await importAll(CSV(['Ann,Lee,ann@example.com,555-0199,,,', 'Cy,Nguyen,cy@example.com,,,,']), 'contacts', { mode: 'update_only' });
    expect(updateOnly.batch.counts).toMatchObject({ create: 0, update: 1, skip: 1 });
    // A new number joins the others; the main one stays (nothing a contact had is lost by an update).
    expect(contactBy('ann@example.com')).toMatchObject({ phone: '555-0100', otherPhones: '555-0199' });
    expect(contactBy('cy@example.com')).toBeUndefined();
  });

  test('a record created between the check and the commit is updated (or skipped in create-only mode), never duplicated', async () => {
    const first = prepare(CSV(['Dee,Park,dee@example.com,555-0111,,,']), 'contacts');
    const second = prepare(CSV(['Dee,Park,dee@example.com,555-0111,,,']), 'contacts', { mode: 'create_only' });
    expect(first.counts.create).toBe(1);
    await importAll(CSV(['Dee,,dee@example.com,,,,']), 'contacts');
    commitImport(db, first.batchId, admin);
    commitImport(db, second.batchId, admin);
    await drain();
    expect(count('contacts')).toBe(1);
    expect(getImportBatch(db, first.batchId, admin)!.counts).toMatchObject({ create: 0, update: 1 });
    expect(getImportBatch(db, second.batchId, admin)!.counts).toMatchObject({ create: 0, skip: 1 });
    expect(contactBy('dee@example.com')).toMatchObject({ lastName: 'Park', phone: '555-0111' });
  });

  test('an external id column matches contacts, companies by domain or normalised name', async () => {
    await importAll('ID,First Name,Email\nX-1,Eve,eve@example.com', 'contacts');
    const { counts } = await importAll('ID,First Name,Email\nX-1,Eve,eve.new@example.com', 'contacts');
    expect(counts).toMatchObject({ update: 1, create: 0 });
    expect(contactBy('eve@example.com').otherEmails).toBe('eve.new@example.com');

    await importAll('Name,Website\nAcme Inc,https://www.acme.example/about', 'companies');
    const again = await importAll('Name,Website,Industry\nACME LLC,,Tools\nSomething Else,acme.example,Retail\nGlobex,,', 'companies');
    // "ACME LLC" is Acme by name; "Something Else" is Acme by domain, the same company again.
    expect(again.counts).toMatchObject({ update: 1, create: 1, skip: 1, duplicates: 1 });
    expect(one('select name, domain, industry from companies where domain = ?', 'acme.example')).toEqual({ name: 'ACME LLC', domain: 'acme.example', industry: 'Tools' });
  });
});

describe('the report', () => {
  test('bad rows are reported with their file line and reason, and not written', async () => {
    const long = '5'.repeat(51);
    const file = `First Name,Last Name,Email,Phone\nAnn,Lee,ann@example.com,\n,Nofirst,nofirst@example.com,\n\nBad,Email,not-an-email,\n"Multi\nline",Name,ml@example.com,${long}\nToo,Many,tm@example.com,1,2\nOk,Person,ok@example.com,`;
    const { batchId, counts } = prepare(file, 'contacts');
    expect(counts).toMatchObject({ create: 2, error: 4 });
    // The parser's unreadable rows and the check's refusals, together in file order.
    expect(errors(batchId)).toEqual([
      { line: 3, reason: 'First name: Enter a first name' },
      { line: 5, reason: 'Email: “not-an-email” is not a valid email address' },
      { line: 6, reason: 'Phone: Keep each phone under 50 characters' },
      { line: 8, reason: 'This row has 5 cells but the header has 4: a cell holding the delimiter may be missing its quotes' },
    ]);
    commitImport(db, batchId, admin);
    await drain();
    expect(all<{ email: string }>('select email from contacts order by id').map((c) => c.email)).toEqual(['ann@example.com', 'ok@example.com']);
    expect(getImportBatch(db, batchId, admin)!.counts).toMatchObject({ create: 2, error: 4 });
  });

  test('rows of the file that match each other are reported as in-file duplicates, with the first line', async () => {
    const file = CSV(['Ann,Lee,ann@example.com,,,,', 'Bob,Stone,bob@example.com,,,,', 'Annie,Lee,ANN@example.com,,,,', 'Bobby,Stone,"bob2@example.com, bob@example.com",,,,']);
    const { batchId, counts } = prepare(file, 'contacts');
    expect(counts).toMatchObject({ create: 2, skip: 2, duplicates: 2 });
    expect(listImportRows(db, batchId, { filter: 'duplicates', limit: 10, offset: 0 }, admin).rows.map((r) => [r.line, r.duplicateOfLine, r.reason])).toEqual([
      [4, 2, 'Same contact as line 2 of this file'],
      [5, 3, 'Same contact as line 3 of this file'],
    ]);
  });

  test('likely duplicates of existing records are reported without blocking the row', async () => {
    await importAll(CSV(['Ann,Lee,ann@example.com,+1 415 555 0100,Acme,,']), 'contacts');
    const ann = contactBy('ann@example.com');
    const { batchId, counts } = prepare(CSV(['Anne,Lee,anne.lee@other.example,(415) 555-0100,,,', 'Ann,Lee,ann.l@acme.example,,Acme,,', 'Zed,Zulu,zed@example.com,,,,']), 'contacts');
    expect(counts).toMatchObject({ create: 3, likely: 2 });
    const likely = listImportRows(db, batchId, { filter: 'likely', limit: 10, offset: 0 }, admin).rows;
    expect(likely.map((r) => [r.line, r.likely.map((l) => l.id)])).toEqual([
      [2, [ann.id]],
      [3, [ann.id]],
    ]);
    expect(likely[0].likely[0].reasons.map((r) => r.kind)).toEqual(['phone']);
    expect(likely[1].likely[0].reasons.map((r) => r.kind)).toEqual(['name']);
  });

  test('a saved mapping is offered again for a file with the same header, not for another', () => {
    const headers = ['Given', 'Surname', 'Mail', 'Notes'];
    expect(savedMapping(db, 'contacts', headers)).toBeNull();
    const mapping = ['firstName', 'lastName', 'email', null] as ImportMapping<'contacts'>;
    prepare('Given,Surname,Mail,Notes\nAnn,Lee,ann@example.com,hi', 'contacts', { mapping });
    expect(savedMapping(db, 'contacts', headers)).toEqual(mapping);
    // Case and spacing of the header do not count; the kind and the columns do.
    expect(savedMapping(db, 'contacts', ['given', ' SURNAME', 'mail', 'notes'])).toEqual(mapping);
    expect(savedMapping(db, 'companies', headers)).toBeNull();
    expect(savedMapping(db, 'contacts', ['Given', 'Surname', 'Mail'])).toBeNull();
  });

  test('a file whose guess misses a required field is staged for the user to map; the check refuses until they do', () => {
    const text = 'Vorname,Nachname,E-Mail\nAnn,Lee,ann@example.com';
    const parsed = parseImportText(text);
    const guessed = guessMapping('contacts', parsed.headers);
    const { batchId } = stageImport(db, { kind: 'contacts', fileName: 'de.csv', headers: parsed.headers, rows: parsed.rows, lines: parsed.lines, mapping: guessed }, admin);
    expect(getImportBatch(db, batchId, admin)).toMatchObject({ state: 'draft' });
    expect(() => checkImport(db, batchId, admin)).toThrow(/First name/);
    // An incomplete guess is not remembered for the next file with this header.
    expect(savedMapping(db, 'contacts', parsed.headers)).toBeNull();
    changeImport(db, batchId, { mapping: ['firstName', 'lastName', 'email'] }, admin);
    expect(checkImport(db, batchId, admin)).toMatchObject({ create: 1, error: 0 });
    expect(count('contacts')).toBe(0);
  });

  test('a changed mode or mapping sends the import back to be checked; only a checked import is confirmed', () => {
    const { batchId } = prepare(CSV(['Ann,Lee,ann@example.com,,,,']), 'contacts');
    changeImport(db, batchId, { mode: 'update_only' }, admin);
    expect(getImportBatch(db, batchId, admin)).toMatchObject({ state: 'draft', mode: 'update_only', counts: null });
    expect(() => commitImport(db, batchId, admin)).toThrow('Check this import before confirming it.');
    expect(checkImport(db, batchId, admin)).toMatchObject({ create: 0, skip: 1 });
    expect(() => changeImport(db, batchId, { mapping: [null, null, 'email', null, null, null, null] }, admin)).toThrow(/First name/);
    commitImport(db, batchId, admin);
    expect(() => commitImport(db, batchId, admin)).toThrow('This import has already been confirmed.');
    expect(() => checkImport(db, batchId, admin)).toThrow(/already been confirmed/);
  });

  test('the check the screen runs gives the event loop back between chunks of rows, with the same report', async () => {
    const file = ['First Name,Email', ...Array.from({ length: 2500 }, (_, i) => `P${i},p${i}@example.com`)].join('\n');
    const { headers, rows, lines } = parseImportText(file);
    const { batchId } = stageImport(db, { kind: 'contacts', fileName: 'many.csv', headers, rows, lines, mapping: guessMapping('contacts', headers) }, admin);
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const counts = await checkImportYielding(db, batchId, admin);
    clearInterval(timer);
    expect(counts).toMatchObject({ create: 2500, error: 0 });
    // Other work ran while it checked (a synchronous check would let none through).
    expect(turns).toBeGreaterThan(0);
    expect(getImportBatch(db, batchId, admin)!.state).toBe('checked');
  });

  test('only admins and managers import', () => {
    expect(() => prepare(CSV(['Ann,Lee,ann@example.com,,,,']), 'contacts', { actor: rep })).toThrow(AppError);
    expect(() => prepare(CSV(['Ann,Lee,ann@example.com,,,,']), 'contacts', { actor: rep })).toThrow('Only admins and managers can import records.');
    const { batchId } = prepare(CSV(['Ann,Lee,ann@example.com,,,,']), 'contacts', { actor: manager });
    expect(() => commitImport(db, batchId, rep)).toThrow('Only admins and managers can import records.');
    expect(() => listImportBatches(db, { limit: 5, offset: 0 }, rep)).toThrow(AppError);
  });
});

describe('the import job', () => {
  test('a retry after a crash in the middle carries on where it stopped, writing no row twice', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `P${i},Person,p${i}@example.com,,Company ${i % 7},,`);
    const { batchId } = prepare(CSV(rows), 'contacts');
    const { jobId } = commitImport(db, batchId, admin);
    // The first run dies after its first batch of rows is written (the process was killed).
    let batches = 0;
    await drain({
      import: ({ batchId: id }, ctx) =>
        applyImport(db, id, {
          ...ctx,
          progress: (fraction, message) => {
            if (fraction !== null && fraction > 0 && ++batches === 1) throw new Error('killed');
            ctx.progress(fraction, message);
          },
        }),
    });
    expect(getJob(db, jobId)).toMatchObject({ state: 'queued', lastError: 'killed' });
    expect(count('contacts')).toBe(500);
    expect(count('companies')).toBe(7);
    // The retry is due after its back-off; the real handler finishes the job.
    db.$client.prepare('update jobs set run_at = 0 where id = ?').run(jobId);
    await drain();
    expect(getJob(db, jobId)!.state).toBe('done');
    expect(count('contacts')).toBe(1200);
    expect(count('companies')).toBe(7);
    expect(one<{ n: number }>(`select count(distinct email) as n from contacts`).n).toBe(1200);
    expect(one<{ n: number }>(`select count(*) as n from import_changes where record_kind = 'contact'`).n).toBe(1200);
    expect(getImportBatch(db, batchId, admin)!.counts).toMatchObject({ create: 1200, newCompanies: 7 });
  });
});

describe('undo', () => {
  test('deletes what the import created and restores what it changed, leaving alone what a user changed since', async () => {
    await importAll(CSV(['Ann,Lee,ann@example.com,555-0100,Acme,vip,Old note']), 'contacts');
    const ann = contactBy('ann@example.com');
    const before = one<Record<string, unknown>>('select * from contacts where id = ?', ann.id);
    const { batchId } = await importAll(
      CSV(['Annie,Lee-Smith,ann@example.com,555-0199,Globex,partner,New note', 'Bob,Stone,bob@example.com,,Initech,,', 'Cy,Nguyen,cy@example.com,,Initech,,', 'Dee,Park,dee@example.com,,Umbrella,,']),
      'contacts',
    );
    expect(contactBy('ann@example.com')).toMatchObject({ firstName: 'Annie', companyId: expect.any(Number), notes: 'New note' });
    expect(tagsOf(ann.id)).toEqual(['partner', 'vip']);
    // Since the import: a user edits Cy, and logs a call with Dee.
    const cy = contactBy('cy@example.com');
    const dee = contactBy('dee@example.com');
    db.$client.prepare(`update contacts set title = 'CTO', updated_at = updated_at + 1000 where id = ?`).run(cy.id);
    db.$client.prepare(`insert into activities (type, subject, contact_id, owner_id) values ('call', 'Intro call', ?, 1)`).run(dee.id);

    const { jobId } = undoImport(db, batchId, admin);
    expect(getImportBatch(db, batchId, admin)!.state).toBe('undoing');
    await drain();
    expect(getJob(db, jobId)).toMatchObject({ state: 'done', progress: 1 });

    const batch = getImportBatch(db, batchId, admin)!;
    expect(batch).toMatchObject({ state: 'undone', undoneByName: 'Olivia Owner' });
    // Ann is back as she was; Bob is gone; Cy and Dee stay, and so do Initech (Cy's) and Umbrella (Dee's).
    const restored = one<Record<string, unknown>>('select * from contacts where id = ?', ann.id);
    // Every column, updated_at too: a second undo (of an earlier import) finds Ann as that import left her.
    expect(restored).toEqual(before);
    expect(tagsOf(ann.id)).toEqual(['vip']);
    expect(contactBy('bob@example.com')).toBeUndefined();
    expect(contactBy('cy@example.com')).toMatchObject({ title: 'CTO' });
    expect(contactBy('dee@example.com')).toBeDefined();
    expect(all<{ name: string }>('select name from companies order by name').map((c) => c.name)).toEqual(['Acme', 'Initech', 'Umbrella']);
    expect(one<{ n: number }>(`select count(*) as n from contact_match_keys where key = 'bob@example.com'`).n).toBe(0);

    expect(batch.undoCounts).toEqual({ deleted: 2, restored: 1, left: 4 });
    const left = listImportUndoProblems(db, batchId, { limit: 10, offset: 0 }, admin).rows;
    expect(left.map((p) => [p.line, p.recordKind, p.reason])).toEqual([
      [3, 'company', 'It has contacts that were not part of the import, so it was kept'],
      [4, 'contact', 'Someone changed it since the import, so it was left as it is'],
      [5, 'company', 'It has contacts that were not part of the import, so it was kept'],
      [5, 'contact', 'It has activities that were not part of the import, so it was kept'],
    ]);
    expect(() => undoImport(db, batchId, admin)).toThrow('This import has already been undone.');
  });
});

describe('deals', () => {
  test('deals import into their stage with history, match by external id, and unknown stages are errors', async () => {
    await importAll(CSV(['Ann,Lee,ann@example.com,,Acme,,']), 'contacts');
    const file = [
      'Deal ID,Deal Name,Amount,Pipeline,Stage,Owner,Close Date,Contact Email,Company,Probability',
      'D-1,Acme renewal,"12,500.00",Sales,Proposal,mia@example.test,2026-12-31,ann@example.com,Acme,40%',
      'D-2,New thing,99,,No Such Stage,,,,,',
      'D-3,Globex pilot,,,,,,nobody@example.com,Globex,',
    ].join('\n');
    const { batchId, counts, batch } = await importAll(file, 'deals');
    expect(counts).toMatchObject({ create: 2, error: 1, warnings: 1, newCompanies: 1 });
    expect(errors(batchId)).toEqual([{ line: 3, reason: 'Stage: Unknown stage “No Such Stage”' }]);
    expect(batch.counts).toMatchObject({ create: 2, error: 1 });
    const deal = one<Record<string, unknown>>(
      `select d.title, d.value_cents as value, s.name as stage, d.owner_id as ownerId, d.expected_close_date as closeDate, d.contact_id as contactId,
              co.name as company, d.probability_override_bp as probability from deals d join stages s on s.id = d.stage_id left join companies co on co.id = d.company_id where d.external_id = 'D-1'`,
    );
    expect(deal).toEqual({ title: 'Acme renewal', value: 1_250_000, stage: 'Proposal', ownerId: manager.id, closeDate: '2026-12-31', contactId: contactBy('ann@example.com').id, company: 'Acme', probability: 4000 });
    const first = one<{ id: number; stage: string }>(`select d.id, s.name as stage from deals d join stages s on s.id = d.stage_id where external_id = 'D-3'`);
    expect(first.stage).toBe(one<{ name: string }>('select name from stages order by position limit 1').name);
    expect(one<{ n: number }>('select count(*) as n from deal_stage_history').n).toBe(2);

    // Again, with D-1 moved on: an update by external id, with its stage move in the history.
    const again = await importAll('Deal ID,Deal Name,Stage\nD-1,Acme renewal,Negotiation', 'deals');
    expect(again.counts).toMatchObject({ update: 1 });
    const id = one<{ id: number }>(`select id from deals where external_id = 'D-1'`).id;
    expect(all<{ stage: string }>('select s.name as stage from deal_stage_history h join stages s on s.id = h.to_stage_id where h.deal_id = ? order by h.id', id).map((h) => h.stage)).toEqual([
      'Proposal',
      'Negotiation',
    ]);

    // Undone newest first: the move back is history too; then the deals the first import created go,
    // with the company it created for them.
    undoImport(db, again.batchId, admin);
    await drain();
    expect(all<{ stage: string }>('select s.name as stage from deal_stage_history h join stages s on s.id = h.to_stage_id where h.deal_id = ? order by h.id', id).map((h) => h.stage)).toEqual([
      'Proposal',
      'Negotiation',
      'Proposal',
    ]);
    undoImport(db, batchId, admin);
    await drain();
    expect(getImportBatch(db, batchId, admin)!.undoCounts).toEqual({ deleted: 3, restored: 0, left: 0 });
    expect(count('deals')).toBe(0);
    expect(all<{ name: string }>('select name from companies').map((c) => c.name)).toEqual(['Acme']);
  });

  test('undoing a companies import removes the companies and the notes it added', async () => {
    const { batchId } = await importAll('Name,Website,Description\nAcme,acme.example,Makes anvils\nGlobex,globex.example,', 'companies');
    expect([count('companies'), count('activities')]).toEqual([2, 1]);
    undoImport(db, batchId, admin);
    await drain();
    expect([count('companies'), count('activities'), count('company_match_keys')]).toEqual([0, 0, 0]);
    expect(getImportBatch(db, batchId, admin)!.undoCounts).toEqual({ deleted: 3, restored: 0, left: 0 });
  });
});

describe('products', () => {
  type ProductRow = { id: number; name: string; sku: string; description: string | null; unit: string; cents: number; taxBp: number; active: number; version: number };
  const productBy = (sku: string) =>
    one<ProductRow>(
      `select id, name, sku, description, unit, unit_price_cents as cents, tax_rate_bp as taxBp, active, version from products where sku = ? collate nocase`,
      sku,
    );

  test('datablist-products-100.csv imports as it is through the same path as customers; a second run changes nothing', async () => {
    db.$client.prepare('update workspace set default_tax_rate_bp = 2000').run();
    const { batchId, counts, parsed } = prepare(fixture('datablist-products-100.csv'), 'products', { fileName: 'datablist-products-100.csv' });
    expect(guessMapping('products', parsed.headers)).toEqual([null, 'name', 'description', null, null, 'unitPrice', 'currency', null, 'sku', null, null, 'active', null]);
    expect(counts).toMatchObject({ create: 100, update: 0, skip: 0, error: 0 });
    expect(count('products')).toBe(0);
    commitImport(db, batchId, admin);
    await drain();
    expect(count('products')).toBe(100);
    // The EAN is the SKU; a new product takes the workspace's tax rate, as the form would give it.
    expect(productBy('2091465262179')).toMatchObject({ name: 'Compact Printer Air Advanced Digital', cents: 26_500, taxBp: 2000, unit: 'unit', active: 1, version: 1 });
    // "discontinued" reads as inactive; "backorder" and "out_of_stock" are still sold.
    expect(productBy('3879177514583')).toMatchObject({ name: 'Advanced Router Rechargeable', active: 0 });
    expect(one<{ n: number }>('select count(*) as n from products where active = 0').n).toBe(12);
    expect(getImportBatch(db, batchId, admin)).toMatchObject({ kind: 'products', fileName: 'datablist-products-100.csv', state: 'done' });

    const again = prepare(fixture('datablist-products-100.csv'), 'products');
    expect(again.counts).toMatchObject({ create: 0, update: 0, skip: 100, error: 0 });
  });

  test('rows are matched by SKU in any case, bad rows are reported by line, and a blank cell leaves a value alone', async () => {
    const known = Number(
      db.$client
        .prepare(`insert into products (name, sku, unit, unit_price_cents, tax_rate_bp, created_at, updated_at) values ('Known', 'A-2', 'hour', 100, 750, 1, 1)`)
        .run().lastInsertRowid,
    );
    const file = ['Code,Title,Cost,Tax,Currency', 'A-1,One,10,,', 'A-2,Two,oops,,', 'A-3,,5,,', 'a-2,Two again,7,,USD', 'A-1,One twice,3,,', 'A-4,Four,4,,EUR', 'A 5,Five,5,,'].join('\n');
    const { batchId, counts } = await importAll(file, 'products');
    expect(counts).toMatchObject({ create: 1, update: 1, skip: 1, error: 4, duplicates: 1 });
    expect(errors(batchId)).toEqual([
      { line: 3, reason: 'Unit price: Enter a price like 120 or 1,250.50' },
      { line: 4, reason: 'Name: Enter the product name' },
      { line: 7, reason: 'Currency: Priced in EUR, but this workspace uses USD' },
      { line: 8, reason: 'SKU: Use letters, digits and dashes, no spaces' },
    ]);
    expect(listImportRows(db, batchId, { filter: 'skip', limit: 10, offset: 0 }, admin).rows.map((r) => [r.line, r.reason])).toEqual([[6, 'Same product as line 2 of this file']]);
    expect(productBy('A-1')).toMatchObject({ name: 'One', cents: 1000, taxBp: 0, active: 1 });
    // Updated in place: its SKU keeps its own case, its unit and tax rate stay (blank in the file),
    // and its version goes up so a product form open on the old values cannot save over the import.
    expect(productBy('A-2')).toEqual({ id: known, name: 'Two again', sku: 'A-2', description: null, unit: 'hour', cents: 700, taxBp: 750, active: 1, version: 2 });
    expect(count('products')).toBe(2);
  });

  test('a products file without a price column is refused until one is chosen', () => {
    const { headers, rows, lines } = parseImportText('SKU,Name\nA-1,One\n');
    const { batchId } = stageImport(db, { kind: 'products', fileName: 'p.csv', headers, rows, lines, mapping: guessMapping('products', headers) }, admin);
    expect(() => checkImport(db, batchId, admin)).toThrow('Choose the column for the Unit price');
  });

  test('undo deletes the products it created, restores the ones it changed, and keeps one that has prices since', async () => {
    const first = await importAll('SKU,Name,Price\nP-1,Plain,10\nP-2,Priced,20', 'products');
    const second = await importAll('SKU,Name,Price\nP-1,Plain renamed,12\nP-3,Third,30', 'products');
    expect(second.counts).toMatchObject({ create: 1, update: 1 });
    const list = Number(db.$client.prepare(`insert into price_lists (name, created_at, updated_at) values ('Partners', 1, 1)`).run().lastInsertRowid);
    db.$client.prepare('insert into price_list_items (price_list_id, product_id, unit_price_cents) values (?, ?, 1500)').run(list, productBy('P-2').id);

    undoImport(db, second.batchId, admin);
    await drain();
    expect(getImportBatch(db, second.batchId, admin)!.undoCounts).toEqual({ deleted: 1, restored: 1, left: 0 });
    expect(productBy('P-1')).toMatchObject({ name: 'Plain', cents: 1000 });
    expect(all<{ sku: string }>('select sku from products order by sku').map((p) => p.sku)).toEqual(['P-1', 'P-2']);

    undoImport(db, first.batchId, admin);
    await drain();
    expect(getImportBatch(db, first.batchId, admin)!.undoCounts).toEqual({ deleted: 1, restored: 0, left: 1 });
    expect(listImportUndoProblems(db, first.batchId, { limit: 10, offset: 0 }, admin).rows).toEqual([
      { line: 3, recordKind: 'product', recordId: productBy('P-2').id, reason: 'It has prices that were not part of the import, so it was kept' },
    ]);
  });
});

describe('leads', () => {
  test('datablist-leads-100.csv imports as leads: two emails and phones kept, owners reported, sources added, statuses read where they are lead statuses', async () => {
    const { batchId, counts, parsed } = prepare(fixture('datablist-leads-100.csv'), 'leads', { fileName: 'datablist-leads-100.csv' });
    expect(guessMapping('leads', parsed.headers)).toEqual([
      // "Account Id" is the account's id, not the lead's: it is left for the user to choose.
      null, null, 'owner', 'firstName', 'lastName', 'companyName', 'phone', 'phone', 'email', 'email', 'website', 'source', 'status', 'notes',
    ]);
    expect(counts).toMatchObject({ create: 100, update: 0, skip: 0, error: 0 });
    expect(count('leads')).toBe(0);
    const victor = listImportRows(db, batchId, { filter: 'all', limit: 1, offset: 0 }, admin).rows[0];
    expect(victor.warnings).toEqual([
      'Unknown owner “Bethany Dixon”: no user has this name or email: a new lead goes to whoever confirms the import, an existing one keeps its owner',
      '“Retargeting Ads” is a new source: it is added to the list of lead sources',
    ]);
    // Line 3's "Closed Won" is a deal stage, not a lead status.
    const maureen = listImportRows(db, batchId, { filter: 'all', limit: 1, offset: 1 }, admin).rows[0];
    expect(maureen.warnings).toContain('“Closed Won” is not a lead status (new, contacted, qualified or disqualified): a new lead starts as New, an existing one keeps its status');
    commitImport(db, batchId, manager);
    await drain();
    expect(count('leads')).toBe(100);
    const lead = one<Record<string, unknown>>(
      `select l.first_name as firstName, l.last_name as lastName, l.email, l.other_emails as otherEmails, l.phone, l.other_phones as otherPhones,
              l.company_name as companyName, l.website, l.status, l.owner_id as ownerId, s.name as source, l.external_id as externalId, l.notes
       from leads l left join lead_sources s on s.id = l.source_id where l.email = 'hatkinson@mclaughlin.com'`,
    );
    expect(lead).toEqual({
      firstName: 'Victor', lastName: 'Cochran', email: 'hatkinson@mclaughlin.com', otherEmails: 'ygibbs@guzman.com', phone: '+1-532-344-1362', otherPhones: '2754733370',
      companyName: 'Grimes, Madden and Huff', website: 'http://www.rosales-molina.com/', status: 'new', ownerId: manager.id, source: 'Retargeting Ads', externalId: null,
      notes: 'Speak own such.',
    });
    // Lead statuses come through; deal stages do not become lead statuses.
    expect(all<{ status: string; n: number }>('select status, count(*) as n from leads group by status order by status')).toEqual([
      { status: 'contacted', n: 7 },
      { status: 'disqualified', n: 12 },
      { status: 'new', n: 72 },
      { status: 'qualified', n: 9 },
    ]);
    // Sources known in any case are reused ("Trade Show" is the list's "Trade show"); the rest are added once each.
    expect(one<{ n: number }>(`select count(*) as n from lead_sources where name like 'trade show'`).n).toBe(1);
    expect(one<{ n: number }>('select count(distinct source_id) as n from leads').n).toBe(20);
    // Every imported lead is scored and has its history; an import gives no first-contact tasks.
    expect(one<{ n: number }>(`select count(*) as n from lead_events where kind = 'created' and to_value = 'import'`).n).toBe(100);
    expect(one<{ n: number }>(`select count(*) as n from activities where lead_id is not null`).n).toBe(0);

    // Again with a changed row: matched by email, updated, old values in its history; undo restores it.
    const again = await importAll('Email,First Name,Job Title\nHATKINSON@mclaughlin.com,Victor,Head of Purchasing', 'leads');
    expect(again.counts).toMatchObject({ update: 1, create: 0 });
    const id = one<{ id: number }>(`select id from leads where email = 'hatkinson@mclaughlin.com'`).id;
    expect(one<{ title: string; version: number }>('select title, version from leads where id = ?', id)).toEqual({ title: 'Head of Purchasing', version: 2 });
    expect(JSON.parse(one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'update'`, id).detail)).toEqual({ before: { title: null }, via: 'import' });
    undoImport(db, again.batchId, admin);
    await drain();
    expect(one<{ title: string | null }>('select title from leads where id = ?', id).title).toBeNull();
    undoImport(db, batchId, admin);
    await drain();
    expect(count('leads')).toBe(0);
    expect(getImportBatch(db, batchId, admin)!.undoCounts).toEqual({ deleted: 100, restored: 0, left: 0 });
  });
});
