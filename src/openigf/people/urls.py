from django.urls import path

from openigf.people import views

app_name = "people"
urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", views.SignupView.as_view(), name="signup"),
    path("accounts/signup/sent/", views.SignupSentView.as_view(), name="signup_sent"),
    path("accounts/confirm/<uidb64>/<token>/", views.ConfirmAddressView.as_view(),
         name="confirm_address"),
    path("accounts/language/", views.LanguageView.as_view(), name="language"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/password-reset/sent/", views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("accounts/reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("me/", views.ProfileView.as_view(), name="profile"),
    path("me/confirm/", views.ConfirmResendView.as_view(), name="confirm_resend"),
    path("me/export/", views.ExportView.as_view(), name="export"),
    path("me/erase/", views.EraseView.as_view(), name="erase"),
]
