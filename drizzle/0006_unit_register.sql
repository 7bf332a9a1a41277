CREATE TABLE "unit_contact" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_contact_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"office_phone" text DEFAULT '' NOT NULL,
	"mobile" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_register" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"reporting_body" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_contact" ADD CONSTRAINT "unit_contact_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_register" ADD CONSTRAINT "unit_register_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_register" ADD CONSTRAINT "unit_register_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_contact_unit_role_uq" ON "unit_contact" USING btree ("unit_id","role");--> statement-breakpoint
CREATE INDEX "unit_register_campaign_idx" ON "unit_register" USING btree ("campaign_id");