using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StaffMembersLeftOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                schema: "participants",
                table: "staff_members",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "left_on",
                schema: "participants",
                table: "staff_members");
        }
    }
}
