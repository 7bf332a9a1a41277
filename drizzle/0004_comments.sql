CREATE TABLE "candidate_comment" (
	"candidate_id" integer PRIMARY KEY NOT NULL,
	"has_text" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidate_comment" ADD CONSTRAINT "candidate_comment_candidate_id_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidate"("id") ON DELETE cascade ON UPDATE no action;