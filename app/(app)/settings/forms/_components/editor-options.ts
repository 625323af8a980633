import 'server-only';
import type { Db } from '@/db/client';
import { listActiveUsers, type WebForm } from '@/db/queries/lead-forms';
import { listLeadSources, sourceIdByName } from '@/db/queries/leads';
import { DEFAULT_FORM_FIELDS, FORM_FIELD_KEYS, FORM_FIELD_NAMES } from '@/lib/leads/forms';
import type { EditorForm } from './form-editor';

/** What the editor's pickers offer: active users, active sources and the lead fields. */
export function editorOptions(db: Db) {
  return {
    users: listActiveUsers(db).map((u) => ({ id: u.id, name: u.name })),
    sources: listLeadSources(db),
    fieldOptions: FORM_FIELD_KEYS.map((key) => ({ key, name: FORM_FIELD_NAMES[key] })),
  };
}

/** A stored form as the editor holds it, or a new one's starting point. */
export function editorForm(db: Db, form: WebForm | null): EditorForm {
  if (!form)
    return {
      id: null,
      version: 0,
      name: '',
      slug: '',
      fields: DEFAULT_FORM_FIELDS,
      consentEnabled: false,
      consentText: '',
      thankYouMessage: '',
      redirectUrl: '',
      ownerMode: 'user',
      ownerId: null,
      roundRobinUserIds: [],
      sourceId: sourceIdByName(db, 'Website form'),
      tags: [],
      allowedOrigins: '',
      turnstileSiteKey: '',
      turnstileSecret: '',
      active: true,
    };
  return {
    ...form,
    consentText: form.consentText ?? '',
    thankYouMessage: form.thankYouMessage ?? '',
    redirectUrl: form.redirectUrl ?? '',
    turnstileSiteKey: form.turnstileSiteKey ?? '',
    turnstileSecret: form.turnstileSecret ?? '',
  };
}
