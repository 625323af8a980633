// One timeline entry per task reassignment, for the deal, contact and company timelines wherever the
// task itself shows. `scope` filters the task (activities a). The columns are key, type, at, title,
// user id and name (who reassigned it), and the task's deal and contact.
export function taskReassignmentsSql(scope: string): string {
  return `
    select 'reassign-' || r.id as key, 'reassigned' as type, r.at as at,
           'Task “' || a.subject || '” reassigned from ' || coalesce(fu.name, 'nobody') || ' to ' || tu.name as title,
           r.user_id as userId, u.name as userName, a.deal_id as dealId, a.contact_id as contactId
    from task_reassignments r join activities a on a.id = r.task_id
    left join users fu on fu.id = r.from_user_id join users tu on tu.id = r.to_user_id left join users u on u.id = r.user_id
    where ${scope}`;
}
