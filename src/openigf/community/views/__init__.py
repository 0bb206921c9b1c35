"""Pages of the community registry, one module per part; each module holds its public pages,
then the pages of the people who keep a record (focal points, coordinators, facilitators),
then the Secretariat's."""
