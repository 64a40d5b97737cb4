-- One row per column of a saved mapping profile: name, header (as the file writes it), field ('' = ignored),
-- who saved it and when. No parameters.
with final as (
    select name, header, field, saved_by, saved_at
    from header_profile
)
select * from final
order by name, header
