using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EnSakITaget.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffMembersLeftOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LeftOn",
                table: "staff_members",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeftOn",
                table: "staff_members");
        }
    }
}
