-- Id of the meeting held on $meeting_date, if any.
select meeting_id from meeting where meeting_date = $meeting_date
