"""Community pages: ``/<forum>/community/...`` for the registry of a forum, and
``/<forum>/<edition>/community/...`` for what belongs to one edition (MAG, Best Practice
Forums, coalitions' eligibility). ``community`` is a reserved edition slug, so the two never
clash."""

from django.urls import path

from openigf.community.views import bpfs, coalitions, donors, hub, improvements, mag, nris

app_name = "community"
F = "<slug:forum>/community/"
E = "<slug:forum>/<slug:edition>/community/"

urlpatterns = [
    path(F, hub.HomeView.as_view(), name="home"),
    path(F + "mine/", hub.MineView.as_view(), name="mine"),
    path(F + "manage/", hub.DashboardView.as_view(), name="manage"),
    # Initiatives (NRIs)
    path(F + "nris/", nris.DirectoryView.as_view(), name="nris"),
    path(F + "nris/request/", nris.RequestView.as_view(), name="nri_request"),
    path(F + "nris/<slug:nri>/", nris.DetailView.as_view(), name="nri"),
    path(F + "nris/<slug:nri>/edit/", nris.EditView.as_view(), name="nri_edit"),
    path(F + "nris/<slug:nri>/reports/<int:year>/", nris.ReportView.as_view(),
         name="nri_report"),
    path(F + "manage/nris/", nris.ManageView.as_view(), name="manage_nris"),
    path(F + "manage/requests/<int:request_id>/", nris.DecideView.as_view(),
         name="manage_request"),
    # Dynamic Coalitions
    path(F + "coalitions/", coalitions.ListView.as_view(), name="coalitions"),
    path(F + "coalitions/new/", coalitions.ProposeView.as_view(), name="coalition_new"),
    path(F + "coalitions/<slug:coalition>/", coalitions.DetailView.as_view(), name="coalition"),
    path(F + "coalitions/<slug:coalition>/edit/", coalitions.EditView.as_view(),
         name="coalition_edit"),
    path(F + "coalitions/<slug:coalition>/members/", coalitions.MembersView.as_view(),
         name="coalition_members"),
    path(F + "coalitions/<slug:coalition>/reports/<int:year>/", coalitions.ReportView.as_view(),
         name="coalition_report"),
    path(E + "coalitions/", coalitions.EligibilityView.as_view(), name="coalition_eligibility"),
    # Best Practice Forums
    path(E + "bpfs/", bpfs.ListView.as_view(), name="bpfs"),
    path(E + "bpfs/new/", bpfs.NewView.as_view(), name="bpf_new"),
    path(E + "bpfs/<slug:bpf>/", bpfs.DetailView.as_view(), name="bpf"),
    path(E + "bpfs/<slug:bpf>/edit/", bpfs.EditView.as_view(), name="bpf_edit"),
    path(E + "bpfs/<slug:bpf>/meetings/new/", bpfs.MeetingView.as_view(), name="bpf_meeting"),
    path(E + "bpfs/<slug:bpf>/outputs/new/", bpfs.OutputView.as_view(), name="bpf_output"),
    # MAG
    path(E + "mag/", mag.RosterView.as_view(), name="mag"),
    path(E + "mag/working-groups/", mag.WorkingGroupsView.as_view(), name="working_groups"),
    path(E + "mag/certificates/<int:membership_id>.pdf", mag.CertificateView.as_view(),
         name="mag_certificate"),
    path(E + "manage/mag/", mag.ManageView.as_view(), name="manage_mag"),
    path(E + "manage/mag/rotation/", mag.RotationView.as_view(), name="mag_rotation"),
    path(E + "manage/mag/certificates/", mag.CertificatesView.as_view(),
         name="mag_certificates"),
    path(E + "manage/mag/working-groups/new/", mag.WorkingGroupEditView.as_view(),
         name="working_group_new"),
    path(E + "manage/mag/working-groups/<int:group_id>/", mag.WorkingGroupEditView.as_view(),
         name="working_group"),
    # Improvements
    path(F + "improvements/", improvements.ListView.as_view(), name="improvements"),
    path(F + "improvements.csv", improvements.ExportView.as_view(), name="improvements_csv"),
    path(F + "improvements/import/", improvements.ImportView.as_view(),
         name="improvements_import"),
    path(F + "improvements/new/", improvements.EditView.as_view(), name="improvement_new"),
    path(F + "improvements/<int:recommendation_id>/", improvements.EditView.as_view(),
         name="improvement"),
    # Donors and the trust fund
    path(F + "donors/", donors.ListView.as_view(), name="donors"),
    path(F + "donors/new/", donors.DonorEditView.as_view(), name="donor_new"),
    path(F + "donors/<int:donor_id>/", donors.DonorView.as_view(), name="donor"),
    path(F + "donors/<int:donor_id>/edit/", donors.DonorEditView.as_view(), name="donor_edit"),
]
