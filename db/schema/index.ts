// Tables by domain; every import goes through '@/db/schema' (this file), so a table can move
// between files without touching its users.
export * from './auth';
export * from './catalogue';
export * from './customers';
export * from './deals';
export * from './duplicates';
export * from './imports';
export * from './jobs';
export * from './leads';
export * from './quotes';
export * from './workspace';

import type { passwordResets, sessions, users } from './auth';
import type { priceLists, priceTiers, products } from './catalogue';
import type { companies, contacts } from './customers';
import type { activities, dealEvents, deals, lostReasons, pipelines, stages } from './deals';
import type { quoteEvents, quoteLines, quotes } from './quotes';
import type { leads, webForms } from './leads';

export type User = typeof users.$inferSelect;
export type Company = typeof companies.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Pipeline = typeof pipelines.$inferSelect;
export type Stage = typeof stages.$inferSelect;
export type Deal = typeof deals.$inferSelect;
export type NewDeal = typeof deals.$inferInsert;
export type Activity = typeof activities.$inferSelect;
export type LostReason = typeof lostReasons.$inferSelect;
export type DealEvent = typeof dealEvents.$inferSelect;
export type Product = typeof products.$inferSelect;
export type PriceList = typeof priceLists.$inferSelect;
export type PriceTier = typeof priceTiers.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
export type QuoteEvent = typeof quoteEvents.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Lead = typeof leads.$inferSelect;
export type WebForm = typeof webForms.$inferSelect;
export type PasswordReset = typeof passwordResets.$inferSelect;
