-- Read marks, per reader and occasion: a notification addressed to a department is read by each of its people on
-- their own, and the copy addressed to the person and the one addressed to their department (one occasion, listed
-- once) are read together. The occasion is the notification's dedup_key without the recipient the notifier appended.
create table luoshi_notification_read (
    username varchar(255) not null,
    occasion varchar(400) not null,
    read_at timestamp with time zone not null,
    primary key (username, occasion)
);
