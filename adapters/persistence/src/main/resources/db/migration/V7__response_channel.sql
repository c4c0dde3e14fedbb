-- Where the respondent was asked (a Channel name such as 'WEB'); null when the submission did not say.
alter table response add column channel text
    constraint response_channel_known check (channel in ('EMAIL', 'SMS', 'PHONE', 'CHAT', 'WEB', 'IN_APP', 'IN_STORE',
                                                         'SOCIAL', 'OTHER'));
