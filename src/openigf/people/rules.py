import rules

rules.add_perm("people.view_own_data", rules.is_authenticated)
rules.add_perm("people.change_own_profile", rules.is_authenticated)
