// One timeline entry per quote event, for the deal, contact and company timelines. The columns are
// key, type, at, title, body, user id, user name; the label follows lib/quotes/status quoteLabel.
export function quoteEventsSql(scope: string): string {
  return `
    select 'quote-' || e.id as key, 'quote' as type, e.at as at,
           'Quote ' || q.number || case when q.revision > 1 then '-v' || q.revision else '' end || ' ' ||
           case e.kind when 'created' then coalesce('created (' || lower(substr(e.detail, 1, 1)) || substr(e.detail, 2) || ')', 'created')
                       when 'sent' then 'sent' when 'revised' then 'revised as ' || e.detail
                       when 'accepted' then 'accepted by ' || e.by_name when 'declined' then 'declined' end as title,
           case e.kind when 'declined' then e.detail when 'accepted' then 'Accepted on the public link from ' || coalesce(e.ip, 'an unknown address') end as body,
           e.user_id as userId, u.name as userName, q.deal_id as dealId, q.contact_id as contactId
    from quote_events e join quotes q on q.id = e.quote_id left join users u on u.id = e.user_id
    where ${scope}`;
}
