-- One row per action on meeting $meeting_id's agenda: those it agreed, those agreed earlier and still
-- open (carried over), and those agreed earlier and closed after the previous meeting (reported done).
-- is_overdue: still open (baru/berjalan) with a due date before this meeting's date. Status is the
-- current one. Overdue first, then by due date.
-- Parameters: $meeting_id (integer)
with this as (
    select meeting_id, meeting_date from meeting where meeting_id = $meeting_id
),

previous as (
    select max(m.meeting_date) as meeting_date
    from meeting m, this
    where m.meeting_date < this.meeting_date
),

actions as (
    select a.*, m.meeting_date as agreed_on
    from meeting_action a
    join meeting m using (meeting_id)
),

final as (
    select
        a.action_id,
        a.version,
        a.agreed_on,
        a.level,
        a.kode_wilayah,
        a.wilayah,
        a.what,
        a.who,
        a.due_date,
        a.status,
        a.note,
        a.updated_at,
        a.updated_by,
        a.meeting_id <> this.meeting_id as is_carried,
        a.status in ('baru', 'berjalan') and a.due_date < this.meeting_date as is_overdue
    from actions a
    cross join this
    cross join previous p
    where a.meeting_id = this.meeting_id
       or (a.agreed_on < this.meeting_date
           and (a.status in ('baru', 'berjalan')
                or p.meeting_date is null
                or cast(a.closed_at as date) > p.meeting_date))
)

select * from final
order by is_overdue desc, due_date, action_id
