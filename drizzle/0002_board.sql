CREATE TABLE "board_event" (
	"campaign_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_event_campaign_id_seq_pk" PRIMARY KEY("campaign_id","seq")
);
--> statement-breakpoint
ALTER TABLE "candidate" ADD COLUMN "subtitle" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate" ADD COLUMN "required_consultations" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "candidate" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "candidate" ADD COLUMN "notice_start" date;--> statement-breakpoint
ALTER TABLE "candidate" ADD COLUMN "notice_end" date;--> statement-breakpoint
ALTER TABLE "board_event" ADD CONSTRAINT "board_event_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;