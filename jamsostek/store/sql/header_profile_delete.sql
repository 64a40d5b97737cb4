-- Before a profile is saved again under the same name: its old mapping goes.
delete from header_profile where name = $profile;
